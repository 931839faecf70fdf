#!/bin/bash
# Joins the shards written by estate-batch.sh into RESULTS_DIR/all.sqlite and all.csv.
#
#   sbatch --dependency=afterok:ARRAY_JOB_ID deploy/slurm/estate-merge.sh [RESULTS_DIR]
#
# Merging is idempotent: run it again after resubmitting failed tasks.
#SBATCH --job-name=estate-merge
#SBATCH --cpus-per-task=1
#SBATCH --mem=1G
#SBATCH --time=00:30:00
#SBATCH --output=logs/%j.log
set -euo pipefail
results="${1:-results}"
exec estate merge "$results/all.sqlite" "$results"/shard-*/results.sqlite
