/* main.c - factnet's entry point: global options and command dispatch. */
#include "cli/cli.h"
#include "cli/describe.h"
#include "core/text.h"
#include "output/report/methods.h"

#include <signal.h>
#ifdef FNET_OMP_RUNTIME
/* The OpenMP runtime igraph is linked with (CMakeLists.txt), called
 * directly rather than through the compiler's own: clang's -fopenmp would
 * bring LLVM's libomp beside igraph's libgomp, and the limit below would
 * reach the wrong one. */
void omp_set_num_threads(int n);
#endif
#include <stdio.h>
#include <string.h>

static void usage(FILE *fp)
{
    fprintf(fp,
            "usage: factnet COMMAND [OPTIONS] FILE...\n"
            "       factnet --version | --help\n\n%s\n\ncommands:\n",
            fnet_cli_about);
    for (const fnet_command *c = fnet_commands; c->name; c++)
        fprintf(fp, "  %-10s %s\n", c->name, c->summary);
    fputs("\n'factnet COMMAND --help' describes a command. Exit status: 0 ok,"
          "\n1 invalid input data, 2 usage error, 3 I/O error, 4 internal "
          "error.\nDocumentation: docs/ (start with docs/CLI.md).\n",
          fp);
}

static void version(void)
{
    char v[200];
    fnet_methods_versions(v, sizeof v); /* the one wording */
    printf("%s\n", v);
}

/* "unknown command 'NAME'", with the closest command; returns 2. */
static int unknown_command(const char *name)
{
    fnet_text_nearest n;
    fnet_text_nearest_init(&n, name, strlen(name));
    for (const fnet_command *c = fnet_commands; c->name; c++)
        fnet_text_nearest_offer(&n, c->name);
    return fnet_cli_usage_near(NULL, n.best, "unknown command '%s'", name);
}

int main(int argc, char **argv)
{
    int status;
    /* A reader that stops early (factnet ... | head) must not kill us in
     * the middle of a write: with SIGPIPE ignored the write fails with
     * EPIPE, temporary output files are removed on the normal error path,
     * and the exit status is 3 without a message (docs/CLI.md). */
    signal(SIGPIPE, SIG_IGN);
    fnet_err_init_igraph();
#ifdef FNET_OMP_RUNTIME
    /* igraph's PRPACK (PageRank) runs an OpenMP loop whose reduction order
     * depends on thread timing: with more than one thread the last bits of
     * PageRank change from run to run on a busy machine, and idle threads
     * spin. One thread keeps outputs byte-identical (docs/PERFORMANCE.md). */
    omp_set_num_threads(1);
#endif
    if (argc < 2) {
        usage(stderr);
        status = FNET_EXIT_USAGE;
    } else if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
               strcmp(argv[1], "help") == 0) {
        if (argc > 2 && strcmp(argv[1], "help") == 0) {
            char *sub[] = {argv[2], "--help", NULL};
            for (const fnet_command *c = fnet_commands; c->name; c++)
                if (strcmp(c->name, argv[2]) == 0)
                    return fnet_cli_finish_stdout(c->run(2, sub));
            return unknown_command(argv[2]);
        }
        usage(stdout);
        status = FNET_EXIT_OK;
    } else if (strcmp(argv[1], "--version") == 0 ||
               strcmp(argv[1], "-V") == 0) {
        version();
        status = FNET_EXIT_OK;
    } else if (strcmp(argv[1], "--man") == 0 && argc <= 3) {
        /* Hidden: the man pages and completions the build installs. */
        status = fnet_describe_man(argc > 2 ? argv[2] : NULL);
    } else if (strcmp(argv[1], "--completion") == 0 && argc == 3) {
        status = fnet_describe_completion(argv[2]);
    } else {
        const fnet_command *cmd = NULL;
        for (const fnet_command *c = fnet_commands; c->name; c++)
            if (strcmp(c->name, argv[1]) == 0)
                cmd = c;
        if (!cmd)
            return unknown_command(argv[1]);
        status = cmd->run(argc - 1, argv + 1);
    }
    return fnet_cli_finish_stdout(status);
}
