#!/bin/bash
# One shard of an estate batch per Slurm array task; `estate batch` reads its shard
# from SLURM_ARRAY_TASK_ID / _COUNT / _MIN / _STEP, so --array=1-8 means 8 shards.
#
#   mkdir -p logs
#   sbatch deploy/slurm/estate-batch.sh BATCH_FILE [RESULTS_DIR]
#
# Each task writes RESULTS_DIR/shard-<task id>/ (default results/); run
# estate-merge.sh once the array has finished. Always --resume, so a requeued,
# cancelled or failed task resubmitted later keeps the rows it had stored.
# Options given to sbatch override the #SBATCH lines below (e.g. --array=0-15).
#SBATCH --job-name=estate-batch
#SBATCH --array=1-8
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --requeue
#SBATCH --output=logs/%A_%a.log
set -euo pipefail
batch_file="${1:?usage: sbatch estate-batch.sh BATCH_FILE [RESULTS_DIR]}"
results="${2:-results}"
exec estate batch "$batch_file" --jobs "$SLURM_CPUS_PER_TASK" --resume \
    --out "$results/shard-$SLURM_ARRAY_TASK_ID"
