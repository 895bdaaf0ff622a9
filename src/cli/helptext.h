/* helptext.h - the --help prose of every command, one place: usage,
 * about, notes and exit statuses (cli/opt.h's fnet_opt_help), which each
 * command passes to fnet_opt_parse() around its option specs.
 *
 * Ownership: static data, never freed. */
#ifndef FNET_HELPTEXT_H
#define FNET_HELPTEXT_H

#include "cli/opt.h"

extern const fnet_opt_help fnet_helptext_agree;
extern const fnet_opt_help fnet_helptext_balance;
extern const fnet_opt_help fnet_helptext_build;
extern const fnet_opt_help fnet_helptext_check;
extern const fnet_opt_help fnet_helptext_dot;
extern const fnet_opt_help fnet_helptext_evidence;
extern const fnet_opt_help fnet_helptext_evolve;
extern const fnet_opt_help fnet_helptext_export;
extern const fnet_opt_help fnet_helptext_methods;
extern const fnet_opt_help fnet_helptext_metrics;
extern const fnet_opt_help fnet_helptext_render;
extern const fnet_opt_help fnet_helptext_report;

#endif
