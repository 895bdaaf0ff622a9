/* input_opts.c - input options shared by the commands (see input_opts.h). */
#include "cli/input_opts.h"

#include <stdlib.h>
#include <string.h>

const fnet_opt fnet_input_options[] = {FNET_INPUT_OPTIONS, {0}};

fnet_opt *fnet_cli_opts_join(const fnet_opt *cmd)
{
    size_t a = 0, b = 0;
    while (cmd[a].name)
        a++;
    while (fnet_input_options[b].name)
        b++;
    fnet_opt *t = calloc(a + b + 1, sizeof *t);
    if (!t)
        return NULL;
    memcpy(t, cmd, a * sizeof *t);
    memcpy(t + a, fnet_input_options, b * sizeof *t);
    return t;
}

bool fnet_cli_input_option(int id, const char *value, fnet_load_opts *o)
{
    fnet_import_opts *io = &o->import;
    switch (id) {
    case FNET_OPT_BRAT_EVENTS: io->brat_events = value; return true;
    case FNET_OPT_BRAT_MAP:
    case FNET_OPT_LABEL_MAP: io->label_map = value; return true;
    case FNET_OPT_ENTITIES: io->entities = value; return true;
    case FNET_OPT_EVENT_WEIGHT: io->event_weight = value; return true;
    case FNET_OPT_INPUT_FORMAT: o->format = value; return true;
    case FNET_OPT_MAP: io->map = value; return true;
    case FNET_OPT_RELATION: io->relation = value; return true;
    case FNET_OPT_TEXT_KEY: io->text_key = value; return true;
    default: return false;
    }
}

int fnet_cli_input_check(const char *cmd, const fnet_load_opts *o)
{
    fnet_err err = {0};
    if (fnet_load_opts_check(o, &err) != FNET_OK)
        return fnet_cli_usage(cmd, "%s", err.msg);
    return FNET_EXIT_OK;
}

void fnet_cli_input_help(FILE *fp)
{
    fputs("\ninput options (FMT: json, jsonl, csv, tsv, brat, labelstudio, "
          "doccano,\ngdelt or icews; see docs/IMPORT.md):\n", fp);
    fnet_opts_print(fp, fnet_input_options);
}
