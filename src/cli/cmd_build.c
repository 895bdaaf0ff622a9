/* cmd_build.c - `factnet build`: placeholder while being written. */
#include "cli/cli.h"
int fnet_cmd_build(int argc, char **argv) { (void)argc; (void)argv; return FNET_EXIT_INTERNAL; }
