/* describe.h - the man pages and the shell completions (bash, zsh, fish),
 * written from the same option specs and help data that print --help
 * (cli/opt.h), so that the three never drift apart.
 *
 * `factnet --man [COMMAND]` prints factnet(1) or factnet-COMMAND(1) and
 * `factnet --completion bash|zsh|fish` the completion script; the build
 * runs them to generate the installed files (cmake/gen-docs.cmake). Each
 * command's part comes from running the command with the hidden argument
 * FNET_OPT_DESCRIBE KIND (cli/opt.h): its parser then hands its help and option groups
 * to fnet_opt_describe() (declared in cli/opt.h, defined in describe.c)
 * instead of parsing. */
#ifndef FNET_DESCRIBE_H
#define FNET_DESCRIBE_H

/* Writes factnet(1) (name NULL) or factnet-NAME(1) to standard output.
 * Returns the exit status: FNET_EXIT_OK, or FNET_EXIT_USAGE after a
 * message when name is no command. */
int fnet_describe_man(const char *name);

/* Writes the completion script for shell ("bash", "zsh" or "fish") to
 * standard output. Returns FNET_EXIT_OK, or FNET_EXIT_USAGE after a
 * message for another shell. */
int fnet_describe_completion(const char *shell);

#endif
