#include "CGLPKGuard.h"
#include <math.h>
#include <setjmp.h>
#include <string.h>

#define ESTATE_GLPK_MESSAGE_CAPACITY 4096

typedef struct {
    jmp_buf jump;
    int armed;
} estate_guard;

static _Thread_local estate_guard guard;
static _Thread_local int verbose_output;
static _Thread_local char message[ESTATE_GLPK_MESSAGE_CAPACITY];
static _Thread_local size_t message_length;

/* Keeps the tail of GLPK's output: the error text comes last. */
static int capture(void *info, const char *s) {
    (void)info;
    size_t n = strlen(s);
    if (n >= ESTATE_GLPK_MESSAGE_CAPACITY) {
        s += n - (ESTATE_GLPK_MESSAGE_CAPACITY - 1);
        n = ESTATE_GLPK_MESSAGE_CAPACITY - 1;
    }
    if (message_length + n >= ESTATE_GLPK_MESSAGE_CAPACITY) {
        size_t drop = message_length + n - (ESTATE_GLPK_MESSAGE_CAPACITY - 1);
        memmove(message, message + drop, message_length - drop);
        message_length -= drop;
    }
    memcpy(message + message_length, s, n);
    message_length += n;
    message[message_length] = '\0';
    return verbose_output ? 0 : 1; /* nonzero: GLPK does not print it */
}

static void on_error(void *info) {
    (void)info;
    if (guard.armed) {
        guard.armed = 0;
        longjmp(guard.jump, 1);
    }
}

void estate_glpk_begin(int verbose) {
    verbose_output = verbose;
    message_length = 0;
    message[0] = '\0';
    glp_term_out(verbose ? GLP_ON : GLP_OFF);
    glp_term_hook(capture, NULL);
}

const char *estate_glpk_message(void) { return message; }

void estate_glpk_end(void) {
    glp_free_env();
}

/* Runs BODY with the error hook armed; a fatal error frees the environment. */
#define GUARDED(...)                                    \
    do {                                                \
        if (setjmp(guard.jump) != 0) {                  \
            glp_error_hook(NULL, NULL);                 \
            glp_free_env();                             \
            return ESTATE_GLPK_FATAL;                   \
        }                                               \
        guard.armed = 1;                                \
        glp_error_hook(on_error, NULL);                 \
        __VA_ARGS__;                                    \
        guard.armed = 0;                                \
        glp_error_hook(NULL, NULL);                     \
        return ESTATE_GLPK_OK;                          \
    } while (0)

static int bound_type(double lo, double up) {
    int has_lo = isfinite(lo), has_up = isfinite(up);
    if (has_lo && has_up) return lo == up ? GLP_FX : GLP_DB;
    if (has_lo) return GLP_LO;
    if (has_up) return GLP_UP;
    return GLP_FR;
}

int estate_glpk_load(glp_prob *P, int minimise, int m, int n,
                     const int *col_kind, const double *col_lo, const double *col_up,
                     const double *obj, const double *row_lo, const double *row_up,
                     int ne, const int *ia, const int *ja, const double *ar) {
    GUARDED({
        glp_set_obj_dir(P, minimise ? GLP_MIN : GLP_MAX);
        if (m > 0) glp_add_rows(P, m);
        if (n > 0) glp_add_cols(P, n);
        for (int i = 0; i < m; i++) {
            double lo = row_lo[i], up = row_up[i];
            glp_set_row_bnds(P, i + 1, bound_type(lo, up),
                             isfinite(lo) ? lo : 0.0, isfinite(up) ? up : 0.0);
        }
        for (int j = 0; j < n; j++) {
            double lo = col_lo[j], up = col_up[j];
            glp_set_col_kind(P, j + 1, col_kind[j]);
            glp_set_col_bnds(P, j + 1, bound_type(lo, up),
                             isfinite(lo) ? lo : 0.0, isfinite(up) ? up : 0.0);
            if (obj[j] != 0.0) glp_set_obj_coef(P, j + 1, obj[j]);
        }
        if (ne > 0) glp_load_matrix(P, ne, ia, ja, ar);
    });
}

int estate_glpk_set_col_name(glp_prob *P, int j, const char *name) {
    GUARDED(glp_set_col_name(P, j, name));
}

int estate_glpk_set_row_name(glp_prob *P, int i, const char *name) {
    GUARDED(glp_set_row_name(P, i, name));
}

int estate_glpk_simplex(glp_prob *P, const glp_smcp *parm, int *result) {
    GUARDED(*result = glp_simplex(P, parm));
}

static void add_rows(glp_prob *P, const estate_rows *rows) {
    if (rows->count <= 0) return;
    int first = glp_add_rows(P, rows->count);
    for (int r = 0; r < rows->count; r++) {
        int len = rows->starts[r + 1] - rows->starts[r];
        glp_set_mat_row(P, first + r, len, rows->columns + rows->starts[r], rows->values + rows->starts[r]);
        double lo = rows->lower[r], up = rows->upper[r];
        glp_set_row_bnds(P, first + r, bound_type(lo, up), isfinite(lo) ? lo : 0.0, isfinite(up) ? up : 0.0);
    }
}

int estate_glpk_add_rows(glp_prob *P, const estate_rows *rows) {
    GUARDED(add_rows(P, rows));
}

/* Row generation: the current LP point to the generator, its rows into the problem (GLPK then
   re-solves the node's LP before it checks integrality, so every accepted point satisfies them). */
static void generate_rows(glp_tree *T, estate_mip_monitor *monitor) {
    glp_prob *P = glp_ios_get_prob(T);
    int n = glp_get_num_cols(P);
    for (int j = 1; j <= n; j++) monitor->point[j] = glp_get_col_prim(P, j);
    estate_rows rows = {0};
    monitor->generate_rows(monitor->generator_context, monitor->point, n, &rows);
    add_rows(P, &rows);
    monitor->rows_added += rows.count;
}

/* At the root, each LP optimum (GLP_IROWGEN comes only with one) is a relaxation of the whole
   MILP: its rows are the model's, the lazy rows given so far and GLPK's cuts, all valid for every
   integer point. GLPK's node bound stays at the root's first LP value through its cut rounds, so
   the tightest of these is kept here; a limit reached at the root then reports it. */
static void note_root_bound(glp_tree *T, estate_mip_monitor *monitor) {
    int node = glp_ios_curr_node(T);
    if (node == 0 || glp_ios_up_node(T, node) != 0) return;
    glp_prob *P = glp_ios_get_prob(T);
    if (glp_get_status(P) != GLP_OPT) return;
    double value = glp_get_obj_val(P);
    int minimise = glp_get_obj_dir(P) == GLP_MIN;
    if (!monitor->has_root_bound || (minimise ? value > monitor->root_bound : value < monitor->root_bound)) {
        monitor->root_bound = value;
        monitor->has_root_bound = 1;
    }
}

/* Branches on the most fractional of the monitor's first columns, if any is fractional. */
static void branch_first(glp_tree *T, const estate_mip_monitor *monitor) {
    glp_prob *P = glp_ios_get_prob(T);
    int chosen = 0;
    double nearest = 1.0;
    for (int k = 0; k < monitor->branch_first_count; k++) {
        int j = monitor->branch_first[k];
        if (j < 1 || j > glp_get_num_cols(P) || !glp_ios_can_branch(T, j)) continue;
        double value = glp_get_col_prim(P, j), distance = fabs(value - floor(value) - 0.5);
        if (distance < nearest) {
            nearest = distance;
            chosen = j;
        }
    }
    if (chosen != 0) glp_ios_branch_upon(T, chosen, GLP_NO_BRNCH);
}

static void callback(glp_tree *T, void *info) {
    estate_mip_monitor *monitor = info;
    if (glp_ios_reason(T) == GLP_IROWGEN) note_root_bound(T, monitor);
    int best = glp_ios_best_node(T);
    if (best != 0) {
        monitor->best_bound = glp_ios_node_bound(T, best);
        monitor->has_bound = 1;
    }
    if (monitor->deadline > 0 && glp_time() >= monitor->deadline) {
        monitor->deadline_reached = 1;
        glp_ios_terminate(T);
        return;
    }
    if (monitor->iteration_limit > 0 && glp_get_it_cnt(glp_ios_get_prob(T)) >= monitor->iteration_limit) {
        monitor->iteration_limit_reached = 1;
        glp_ios_terminate(T);
        return;
    }
    if (monitor->stop_at_better_from > 0 && glp_time() >= monitor->stop_at_better_from) {
        glp_prob *P = glp_ios_get_prob(T);
        int minimise = glp_get_obj_dir(P) == GLP_MIN;
        if (glp_mip_status(P) == GLP_FEAS
            && (minimise ? glp_mip_obj_val(P) < monitor->better_than : glp_mip_obj_val(P) > monitor->better_than)) {
            monitor->better_plan_reached = 1;
            glp_ios_terminate(T);
            return;
        }
    }
    if (glp_ios_reason(T) == GLP_IROWGEN && monitor->generate_rows != NULL) generate_rows(T, monitor);
    if (glp_ios_reason(T) == GLP_IBRANCH && monitor->branch_first_count > 0) branch_first(T, monitor);
    if (glp_ios_reason(T) == GLP_IHEUR && monitor->incumbent != NULL
        && !monitor->incumbent_offered) {
        monitor->incumbent_offered = 1;
        monitor->incumbent_accepted = glp_ios_heur_sol(T, monitor->incumbent) == 0;
    }
}

int estate_glpk_intopt(glp_prob *P, glp_iocp *parm, estate_mip_monitor *monitor, int *result) {
    parm->cb_func = callback;
    parm->cb_info = monitor;
    GUARDED(*result = glp_intopt(P, parm));
}
