#ifndef ECOPROD_CLIBYAML_SHIM_H
#define ECOPROD_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
