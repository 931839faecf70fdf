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

/// glp_simplex under the guard; *result receives its return code.
int estate_glpk_simplex(glp_prob *P, const glp_smcp *parm, int *result);

/// glp_intopt under the guard with the C callback filling `monitor`.
int estate_glpk_intopt(glp_prob *P, glp_iocp *parm, estate_mip_monitor *monitor, int *result);

/// Frees this thread's GLPK environment (all its problems) so that a finished
/// thread leaves nothing behind.
void estate_glpk_end(void);

#endif
