#ifndef ESTATE_CGLPK_GUARD_H
#define ESTATE_CGLPK_GUARD_H
/*
 * A backstop around GLPK's fatal errors. GLPK reacts to an invalid argument by
 * printing and calling abort(); its error hook may leave only by longjmp, which
 * must never cross Swift frames. So every risky call is made from C here, inside
 * setjmp, with a C (not Swift) branch-and-cut callback. On a fatal error the
 * thread's GLPK environment is freed (freeing every problem of this thread) and
 * the call returns ESTATE_GLPK_FATAL; the caller must then not delete its problem.
 *
 * Output: every guarded thread has a terminal hook that records GLPK's text (the
 * last ESTATE_GLPK_MESSAGE_CAPACITY bytes) and suppresses it unless verbose.
 */
#include <glpk.h>

#define ESTATE_GLPK_OK 0
#define ESTATE_GLPK_FATAL (-1)

/// Rows handed from a row generator to C. Row r's column indices (1-based) and values sit at
/// positions starts[r] + 1 ... starts[r + 1] of `columns` and `values`, whose element 0 is unused,
/// so `columns + starts[r]` is already the 1-based array glp_set_mat_row expects.
typedef struct {
    int count;
    const int *starts;
    const int *columns;
    const double *values;
    /// Per row, the bounds (+-HUGE_VAL for none).
    const double *lower;
    const double *upper;
} estate_rows;

/// Called at every LP solution of branch and cut with the column values x[1..n] (element 0
/// unused); sets `rows` to the lazy rows that x violates (count 0: none, x is accepted). It is
/// pure computation and must not call GLPK (a GLPK error must never unwind through it); the
/// arrays it points to stay valid until its next call or the end of the solve.
typedef void (*estate_row_generator)(void *context, const double *x, int n, estate_rows *rows);

/// State shared with the C branch-and-cut callback during one glp_intopt call.
typedef struct {
    /// A feasible point (1-based, element 0 unused) offered once at the first
    /// heuristic request, or NULL.
    const double *incumbent;
    /// Out: 1 after the incumbent was offered; 1 in accepted if GLPK took it.
    int incumbent_offered;
    int incumbent_accepted;
    /// Out: the last best-node bound seen in the tree (valid when has_bound).
    double best_bound;
    int has_bound;
    /// Out: the tightest optimum of the root's LP relaxation seen (valid when has_root_bound):
    /// with the lazy rows and cuts added at the root it bounds the MILP, while GLPK's own node
    /// bound keeps the root's first LP value.
    double root_bound;
    int has_root_bound;
    /// Optional lazy rows (row generation at GLP_IROWGEN): the generator, its context, and a
    /// buffer of n + 1 doubles for the point it reads.
    estate_row_generator generate_rows;
    void *generator_context;
    double *point;
    /// Out: how many rows the generator added.
    int rows_added;
    /// The wall-clock moment (glp_time(), milliseconds) at which the search must stop, or 0 for
    /// none. GLPK checks its own tm_lim only between node LPs, not around its cut generators,
    /// branching or the row generator, so every callback checks this too and ends the search
    /// there (glp_intopt then returns GLP_ESTOP; `deadline_reached` says why).
    double deadline;
    int deadline_reached;
    /// Optional columns (1-based) branched on before any other: at GLP_IBRANCH, the fractional
    /// one of these whose value is nearest 0.5; GLPK's own rule only when none is fractional.
    const int *branch_first;
    int branch_first_count;
    /// The simplex iterations of the problem (those before the search included) at which the
    /// search must stop, or 0 for none: a count, so where it stops does not depend on how busy
    /// the machine is (glp_intopt then returns GLP_ESTOP; `iteration_limit_reached` says why).
    int iteration_limit;
    int iteration_limit_reached;
    /// The wall-clock moment (glp_time(), milliseconds) from which the search stops at the first
    /// callback where GLPK holds an incumbent whose objective (GLPK's, without the constant) is
    /// strictly better than `better_than`, or 0 for never (glp_intopt then returns GLP_ESTOP;
    /// `better_plan_reached` says why).
    double stop_at_better_from;
    double better_than;
    int better_plan_reached;
} estate_mip_monitor;

/// Starts a guarded session on this thread: terminal output on or off, capture reset.
void estate_glpk_begin(int verbose);

/// The text GLPK wrote on this thread since estate_glpk_begin (NUL-terminated).
const char *estate_glpk_message(void);

/// Loads a whole problem in bulk: column kinds (GLP_CV/GLP_IV), column and row
/// bounds (+-HUGE_VAL for none), objective, and the matrix (1-based triplets).
int estate_glpk_load(glp_prob *P, int minimise, int m, int n,
                     const int *col_kind, const double *col_lo, const double *col_up,
                     const double *obj, const double *row_lo, const double *row_up,
                     int ne, const int *ia, const int *ja, const double *ar);

/// Sets a column name (1-based); names are only for GLPK's own output.
int estate_glpk_set_col_name(glp_prob *P, int j, const char *name);
int estate_glpk_set_row_name(glp_prob *P, int i, const char *name);

/// Appends `rows` to the problem (an LP's own row generation loop, between simplex calls).
int estate_glpk_add_rows(glp_prob *P, const estate_rows *rows);

/// glp_simplex under the guard; *result receives its return code.
int estate_glpk_simplex(glp_prob *P, const glp_smcp *parm, int *result);

/// glp_intopt under the guard with the C callback filling `monitor`.
int estate_glpk_intopt(glp_prob *P, glp_iocp *parm, estate_mip_monitor *monitor, int *result);

/// Frees this thread's GLPK environment (all its problems) so that a finished
/// thread leaves nothing behind.
void estate_glpk_end(void);

#endif
