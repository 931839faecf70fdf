#ifndef ESTATE_CGLPK_SHIM_H
#define ESTATE_CGLPK_SHIM_H
#include <glpk.h>
#endif
