/* test_outfile.c - unit tests for src/core/outfile: atomic replacement
 * through a temporary file, abort, and real write failures (/dev/full, a
 * read-only directory, a missing directory, a parent that is a file, a
 * write stopped part-way by the file size limit, a target that is or
 * becomes a directory); outputs that are not regular files (FIFOs,
 * standard output on /dev/full or a closed pipe) and symbolic links; the
 * mode of a replaced file; sets of files committed together. After every
 * failure the earlier output is intact and no temporary file is left.
 * (tests/hardening/test_atomic.py checks the same for every kind of output
 * of the command line.) The same tests run against the portable stream
 * (test_outfile_plain, FNET_OUTFILE_PLAIN), which differs only where said. */
#define _DEFAULT_SOURCE /* setgroups */
#include "test.h"

#include "core/outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define NOBODY 65534

static char dir[64];

static const char *at(const char *name)
{
    static char path[2][128];
    static int k;
    k ^= 1;
    snprintf(path[k], sizeof path[k], "%s/%s", dir, name);
    return path[k];
}

/* Names in d other than "." and "..", as "a b c" (sorted), for checks. */
static const char *listing(const char *d)
{
    static char out[512];
    struct dirent **names;
    int n = scandir(d, &names, NULL, alphasort);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *s = names[i]->d_name;
        if (strcmp(s, ".") != 0 && strcmp(s, "..") != 0) {
            if (out[0])
                strncat(out, " ", sizeof out - strlen(out) - 1);
            strncat(out, s, sizeof out - strlen(out) - 1);
        }
        free(names[i]);
    }
    if (n >= 0)
        free(names);
    return out;
}

static void put(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    CHECK(fp != NULL);
    if (fp) {
        fputs(text, fp);
        fclose(fp);
    }
}

static const char *content(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "r");
    size_t n = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;
    buf[n] = '\0';
    if (fp)
        fclose(fp);
    return fp ? buf : "(missing)";
}

/* Until commit, readers see the old file and the new data sits in
 * ".NAME.XXXXXX" beside it; commit renames it over the old file. */
static void test_commit_replaces(void)
{
    fnet_err err = {0};
    fnet_outfile *f;
    put(at("out.csv"), "old\n");
    CHECK_INT(fnet_outfile_open(&f, at("out.csv"), &err), FNET_OK);
    fputs("new\n", fnet_outfile_stream(f));
    fflush(fnet_outfile_stream(f));
    CHECK_STR(content(at("out.csv")), "old\n");
    const char *names = listing(dir);
    CHECK(strncmp(names, ".out.csv.", 9) == 0 && strlen(names) == 23 &&
          strcmp(names + 15, " out.csv") == 0);
    CHECK_STR(fnet_outfile_path(f), at("out.csv"));
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_OK);
    CHECK_STR(content(at("out.csv")), "new\n");
    CHECK_STR(listing(dir), "out.csv");
    unlink(at("out.csv"));
}

/* Abort leaves the old file as it was and removes the temporary file. */
static void test_abort_keeps_old(void)
{
    fnet_err err = {0};
    fnet_outfile *f;
    put(at("out.csv"), "old\n");
    CHECK_INT(fnet_outfile_open(&f, at("out.csv"), &err), FNET_OK);
    fputs("half-written", fnet_outfile_stream(f));
    fnet_outfile_abort(f);
    CHECK_STR(content(at("out.csv")), "old\n");
    CHECK_STR(listing(dir), "out.csv");
    unlink(at("out.csv"));
    /* Abort of a file that did not exist leaves nothing at all. */
    CHECK_INT(fnet_outfile_open(&f, at("new.csv"), &err), FNET_OK);
    fputs("x", fnet_outfile_stream(f));
    fnet_outfile_abort(f);
    CHECK_STR(listing(dir), "");
    fnet_outfile_abort(NULL); /* allowed */
}

/* A new file gets the usual mode (umask), not mkstemp's 0600. */
static void test_new_file_mode(void)
{
    fnet_err err = {0};
    mode_t old = umask(022);
    CHECK_INT(fnet_outfile_write_all(at("a.txt"), "abc", 3, &err), FNET_OK);
    umask(old);
    struct stat st;
    CHECK_INT(stat(at("a.txt"), &st), 0);
    CHECK_INT(st.st_mode & 0777, 0644);
    CHECK_STR(content(at("a.txt")), "abc");
    unlink(at("a.txt"));
}

/* Replacing a file keeps its permission bits: a private result stays
 * private (the umask would have made it 0644). */
static void test_replace_keeps_mode(void)
{
    fnet_err err = {0};
    put(at("p.txt"), "old");
    CHECK_INT(chmod(at("p.txt"), 0600), 0);
    mode_t old = umask(022);
    CHECK_INT(fnet_outfile_write_all(at("p.txt"), "new", 3, &err), FNET_OK);
    umask(old);
    struct stat st;
    CHECK_INT(stat(at("p.txt"), &st), 0);
    CHECK_INT(st.st_mode & 0777, 0600);
    CHECK_STR(content(at("p.txt")), "new");
    unlink(at("p.txt"));
}

/* /dev/full accepts the open and fails on flush: commit reports EIO with
 * the reason, and the device is still a device (not renamed over). */
static void test_dev_full(void)
{
    fnet_err err = {0};
    fnet_outfile *f;
    CHECK_INT(fnet_outfile_open(&f, "/dev/full", &err), FNET_OK);
    fputs("data\n", fnet_outfile_stream(f));
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_EIO);
    CHECK_INT(err.code, FNET_EIO);
    char want[128];
    snprintf(want, sizeof want, "/dev/full: write error: %s", strerror(ENOSPC));
    CHECK_STR(err.msg, want);
    struct stat st;
    CHECK_INT(stat("/dev/full", &st), 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK_INT(fnet_outfile_write_all("/dev/full", "x", 1, &err), FNET_EIO);
}

/* The checks of a read-only directory, run by a process that the
 * directory's mode applies to. Returns the number of failed checks. */
static int readonly_checks(const char *ro)
{
    int failed_before = test_st.failed;
    char path[128], old[128], want[256];
    fnet_err err = {0};
    fnet_outfile *f = NULL;
    snprintf(path, sizeof path, "%s/new.csv", ro);
    snprintf(old, sizeof old, "%s/old.csv", ro);
    CHECK_INT(fnet_outfile_open(&f, path, &err), FNET_EIO);
    CHECK(f == NULL);
    snprintf(want, sizeof want, "%s: cannot create file: %s", path,
             strerror(EACCES));
    CHECK_STR(err.msg, want);
    CHECK_INT(fnet_outfile_write_all(old, "new\n", 4, &err), FNET_EIO);
    CHECK_STR(content(old), "old\n");
    CHECK_STR(listing(ro), "old.csv");
    return test_st.failed - failed_before;
}

/* A read-only directory: nothing can be created, an existing file stays.
 * Root ignores directory modes, so as root the checks run in a child that
 * has dropped to nobody (the test is never skipped). */
static void test_readonly_dir(void)
{
    char ro[128];
    snprintf(ro, sizeof ro, "%s/ro", dir);
    CHECK_INT(mkdir(ro, 0755), 0);
    char old[160];
    snprintf(old, sizeof old, "%s/old.csv", ro);
    put(old, "old\n");
    CHECK_INT(chmod(ro, 0555), 0);
    if (geteuid() != 0) {
        readonly_checks(ro);
    } else {
        CHECK_INT(chmod(dir, 0755), 0); /* let nobody reach ro */
        fflush(NULL);
        pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            if (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 ||
                setuid(NOBODY) != 0) {
                fprintf(stderr,
                        "test_readonly_dir: cannot drop to uid "
                        "%d: %s\n",
                        NOBODY, strerror(errno));
                _exit(2);
            }
            int bad = readonly_checks(ro);
            fflush(NULL);
            _exit(bad ? 1 : 0);
        }
        int status = -1;
        CHECK_INT(waitpid(pid, &status, 0), pid);
        CHECK(WIFEXITED(status));
        CHECK_INT(WEXITSTATUS(status), 0);
        CHECK_INT(chmod(dir, 0700), 0);
    }
    CHECK_INT(chmod(ro, 0755), 0);
    CHECK_STR(listing(ro), "old.csv");
    unlink(old);
    rmdir(ro);
}

/* A missing directory: open fails, nothing is created anywhere. */
static void test_missing_dir(void)
{
    fnet_err err = {0};
    fnet_outfile *f = NULL;
    CHECK_INT(fnet_outfile_open(&f, at("nowhere/out.csv"), &err), FNET_EIO);
    CHECK(f == NULL);
    char want[256];
    snprintf(want, sizeof want, "%s: cannot create file: %s",
             at("nowhere/out.csv"), strerror(ENOENT));
    CHECK_STR(err.msg, want);
    CHECK_STR(listing(dir), "");
}

/* The parent of the path is a regular file: open fails (ENOTDIR), nothing
 * is created, the file is untouched. */
static void test_parent_is_file(void)
{
    fnet_err err = {0};
    fnet_outfile *f = (fnet_outfile *)&f;
    char path[160], want[256];
    put(at("plain"), "not a directory\n");
    snprintf(path, sizeof path, "%s/out.json", at("plain"));
    CHECK_INT(fnet_outfile_open(&f, path, &err), FNET_EIO);
    CHECK(f == NULL);
    snprintf(want, sizeof want, "%s: cannot create file: %s", path,
             strerror(ENOTDIR));
    CHECK_STR(err.msg, want);
    CHECK_STR(content(at("plain")), "not a directory\n");
    CHECK_STR(listing(dir), "plain");
    unlink(at("plain"));
}

/* The file size limit (RLIMIT_FSIZE, SIGXFSZ ignored) stops the write
 * part-way with EFBIG: commit reports it, the earlier output stays and the
 * partial temporary file is removed; the one-call form fails the same
 * way. */
static void test_write_fails_part_way(void)
{
    struct rlimit saved, low;
    CHECK_INT(getrlimit(RLIMIT_FSIZE, &saved), 0);
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    low = saved;
    low.rlim_cur = 4096;
    CHECK_INT(setrlimit(RLIMIT_FSIZE, &low), 0);

    put(at("big.csv"), "earlier output\n");
    fnet_outfile *f;
    fnet_err err = {0};
    CHECK_INT(fnet_outfile_open(&f, at("big.csv"), &err), FNET_OK);
    for (int i = 0; i < 10000; i++)
        fprintf(fnet_outfile_stream(f), "row %d,%d\n", i, i * i);
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_EIO);
    char want[256];
    snprintf(want, sizeof want, "%s: write error: %s", at("big.csv"),
             strerror(EFBIG));
    CHECK_STR(err.msg, want);
    static char data[65536];
    memset(data, 'x', sizeof data);
    CHECK_INT(fnet_outfile_write_all(at("big.csv"), data, sizeof data, &err),
              FNET_EIO);

    CHECK_INT(setrlimit(RLIMIT_FSIZE, &saved), 0);
    signal(SIGXFSZ, old_handler);
    CHECK_STR(content(at("big.csv")), "earlier output\n");
    CHECK_STR(listing(dir), "big.csv");
    unlink(at("big.csv"));
}

/* The target is a directory: refused at open, nothing created. When it
 * becomes one between open and commit, the rename fails: the directory is
 * untouched and the temporary file removed. */
static void test_target_is_directory(void)
{
    fnet_err err = {0};
    fnet_outfile *f;
    char want[256];
    CHECK_INT(mkdir(at("taken"), 0755), 0);
    put(at("taken/inside"), "kept\n");
    CHECK_INT(fnet_outfile_write_all(at("taken"), "data\n", 5, &err), FNET_EIO);
    snprintf(want, sizeof want, "%s: cannot create file: %s", at("taken"),
             strerror(EISDIR));
    CHECK_STR(err.msg, want);
    CHECK_STR(listing(dir), "taken");

    CHECK_INT(fnet_outfile_open(&f, at("late"), &err), FNET_OK);
    fputs("data\n", fnet_outfile_stream(f));
    CHECK_INT(mkdir(at("late"), 0755), 0);
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_EIO);
    snprintf(want, sizeof want, "%s: write error: %s", at("late"),
             strerror(EISDIR));
    CHECK_STR(err.msg, want);
    CHECK_STR(listing(dir), "late taken");
    CHECK_STR(listing(at("late")), "");
    rmdir(at("late"));
    CHECK_STR(content(at("taken/inside")), "kept\n");
    unlink(at("taken/inside"));
    rmdir(at("taken"));
}

/* A FIFO (not a regular file, like /dev/null or /dev/stdout) is written in
 * place: renaming over it would replace it with a regular file - for
 * /dev/null, as root, the system's. Abort closes it and leaves it. */
static void test_fifo_written_in_place(void)
{
    fnet_err err = {0};
    struct stat st;
    CHECK_INT(mkfifo(at("pipe"), 0644), 0);
    int rd = open(at("pipe"), O_RDONLY | O_NONBLOCK);
    CHECK(rd >= 0);
    CHECK_INT(fnet_outfile_write_all(at("pipe"), "through\n", 8, &err),
              FNET_OK);
    char buf[32] = {0};
    CHECK_INT(read(rd, buf, sizeof buf - 1), 8);
    CHECK_STR(buf, "through\n");
    close(rd);
    CHECK_INT(lstat(at("pipe"), &st), 0);
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_STR(listing(dir), "pipe");
    rd = open(at("pipe"), O_RDONLY | O_NONBLOCK);
    fnet_outfile *f;
    CHECK_INT(fnet_outfile_open(&f, at("pipe"), &err), FNET_OK);
    fnet_outfile_abort(f);
    close(rd);
    CHECK_INT(lstat(at("pipe"), &st), 0);
    CHECK(S_ISFIFO(st.st_mode));
    unlink(at("pipe"));
}

/* Writing through a symbolic link replaces its target and keeps the link;
 * messages name the path as given; no temporary file is left beside the
 * target. */
static void test_symlink_followed(void)
{
    fnet_err err = {0};
    struct stat st;
    CHECK_INT(mkdir(at("real"), 0755), 0);
    put(at("real/data.csv"), "old\n");
    CHECK_INT(symlink("real/data.csv", at("link.csv")), 0);
    fnet_outfile *f;
    CHECK_INT(fnet_outfile_open(&f, at("link.csv"), &err), FNET_OK);
    CHECK_STR(fnet_outfile_path(f), at("link.csv"));
    fputs("new\n", fnet_outfile_stream(f));
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_OK);
    CHECK_INT(lstat(at("link.csv"), &st), 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK_STR(content(at("real/data.csv")), "new\n");
    CHECK_STR(listing(at("real")), "data.csv");
    unlink(at("link.csv"));
    unlink(at("real/data.csv"));
    rmdir(at("real"));
}

/* Points standard output at fd for the duration of a test; returns the
 * saved descriptor. */
static int stdout_to(int fd)
{
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    dup2(fd, STDOUT_FILENO);
    close(fd);
    return saved;
}

static void stdout_back(int saved)
{
    clearerr(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
}

/* "-" is standard output. On /dev/full, commit reports the error instead
 * of losing the data silently; a reader that has gone (SIGPIPE ignored, as
 * main does) gives EPIPE: FNET_EIO with an empty message, which the CLI
 * turns into a quiet exit 3 (fnet_cli_fail prints nothing). The stream is
 * not stdout itself, so stdout has no error left for main to report a
 * second time. */
static void test_stdout_fails(void)
{
    fnet_outfile *f;
    fnet_err err = {0};
    char want[128];
    int full = open("/dev/full", O_WRONLY);
    CHECK(full >= 0);
    int saved = stdout_to(full);
    CHECK_INT(fnet_outfile_open(&f, "-", &err), FNET_OK);
    CHECK(fnet_outfile_stream(f) != stdout);
    fputs("lost\n", fnet_outfile_stream(f));
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_EIO);
    CHECK(!ferror(stdout));
    stdout_back(saved);
    snprintf(want, sizeof want, "standard output: write error: %s",
             strerror(ENOSPC));
    CHECK_STR(err.msg, want);

    int fds[2];
    CHECK_INT(pipe(fds), 0);
    close(fds[0]);
    void (*old_handler)(int) = signal(SIGPIPE, SIG_IGN);
    saved = stdout_to(fds[1]);
    CHECK_INT(fnet_outfile_open(&f, "-", &err), FNET_OK);
    fputs("nobody reads this\n", fnet_outfile_stream(f));
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_EIO);
    stdout_back(saved);
    signal(SIGPIPE, old_handler);
    CHECK_INT(err.code, FNET_EIO);
    CHECK_STR(err.msg, "");
    CHECK_STR(listing(dir), "");
}

/* "-" keeps the order of standard output: what was printed to stdout
 * before open comes first; after commit, stdout works as before. Abort
 * drops what is still buffered. */
static void test_stdout_order(void)
{
    fnet_outfile *f;
    fnet_err err = {0};
    int fd = open(at("captured"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    int saved = stdout_to(fd);
    fputs("before ", stdout);
    CHECK_INT(fnet_outfile_open(&f, "-", &err), FNET_OK);
    fputs("data ", fnet_outfile_stream(f));
    CHECK_INT(fnet_outfile_commit(f, &err), FNET_OK);
    fputs("after ", stdout);
    CHECK_INT(fnet_outfile_open(&f, "-", &err), FNET_OK);
    fputs("dropped", fnet_outfile_stream(f));
    fnet_outfile_abort(f);
    fflush(stdout);
    stdout_back(saved);
    CHECK_STR(content(at("captured")), "before data after ");
    unlink(at("captured"));
}

/* A writer that failed: fnet_outfile_fail discards the output and names
 * the file. When a write to the stream failed, the reason is that
 * write's errno, whatever errno holds by then and whatever the writer
 * said; otherwise the writer's message gets the path in front. Codes
 * other than FNET_EIO keep the writer's message. */
static void test_fail_names_file(void)
{
    fnet_outfile *f;
    fnet_err err = {0};
    char want[256];
    CHECK_INT(fnet_outfile_open(&f, "/dev/full", &err), FNET_OK);
    for (int i = 0; i < 10000; i++)
        fputs("row\n", fnet_outfile_stream(f));
    CHECK(ferror(fnet_outfile_stream(f)));
    errno = EACCES; /* what a library may leave behind */
    fnet_err_set(&err, FNET_EIO, "cannot write the DOT text");
    CHECK_INT(fnet_outfile_fail(f, FNET_EIO, &err), FNET_EIO);
#ifdef FNET_OUTFILE_PLAIN
    /* The portable stream cannot keep the failed write's errno
     * (src/core/outfile.c, stream_over): the writer's message is used. */
    snprintf(want, sizeof want, "/dev/full: cannot write the DOT text");
#else
    snprintf(want, sizeof want, "/dev/full: write error: %s", strerror(ENOSPC));
#endif
    CHECK_STR(err.msg, want);

    put(at("kept.txt"), "old\n");
    CHECK_INT(fnet_outfile_open(&f, at("kept.txt"), &err), FNET_OK);
    fputs("half", fnet_outfile_stream(f));
    fnet_err_set(&err, FNET_EIO, "write error: %s", strerror(EIO));
    CHECK_INT(fnet_outfile_fail(f, FNET_EIO, &err), FNET_EIO);
    snprintf(want, sizeof want, "%s: write error: %s", at("kept.txt"),
             strerror(EIO));
    CHECK_STR(err.msg, want);
    CHECK_STR(content(at("kept.txt")), "old\n");
    CHECK_STR(listing(dir), "kept.txt");

    CHECK_INT(fnet_outfile_open(&f, at("kept.txt"), &err), FNET_OK);
    fnet_err_set(&err, FNET_EDATA, "in.json: facts[1]: bad");
    CHECK_INT(fnet_outfile_end(f, FNET_EDATA, &err), FNET_EDATA);
    CHECK_STR(err.msg, "in.json: facts[1]: bad");
    CHECK_STR(content(at("kept.txt")), "old\n");
    CHECK_INT(fnet_outfile_open(&f, at("kept.txt"), &err), FNET_OK);
    fputs("new\n", fnet_outfile_stream(f));
    CHECK_INT(fnet_outfile_end(f, FNET_OK, &err), FNET_OK);
    CHECK_STR(content(at("kept.txt")), "new\n");
    CHECK_STR(listing(dir), "kept.txt");
    unlink(at("kept.txt"));
}

/* A set is replaced together: after commit_set both files hold the new
 * data and no temporary file is left. */
static void test_set_commits_all(void)
{
    fnet_err err = {0};
    fnet_outfile *f[2];
    put(at("n.csv"), "old n\n");
    CHECK_INT(fnet_outfile_open(&f[0], at("n.csv"), &err), FNET_OK);
    CHECK_INT(fnet_outfile_open(&f[1], at("e.csv"), &err), FNET_OK);
    fputs("new n\n", fnet_outfile_stream(f[0]));
    fputs("new e\n", fnet_outfile_stream(f[1]));
    CHECK_STR(content(at("n.csv")), "old n\n");
    CHECK_INT(fnet_outfile_commit_set(f, 2, &err), FNET_OK);
    CHECK_STR(content(at("n.csv")), "new n\n");
    CHECK_STR(content(at("e.csv")), "new e\n");
    CHECK_STR(listing(dir), "e.csv n.csv");
    unlink(at("n.csv"));
    unlink(at("e.csv"));
}

/* When one file of a set fails (here the second, on /dev/full), none is
 * replaced: the first keeps its old content, its temporary file goes, and
 * err names the file that failed. */
static void test_set_one_fails(void)
{
    fnet_err err = {0};
    fnet_outfile *f[2];
    char want[128];
    put(at("n.csv"), "old n\n");
    CHECK_INT(fnet_outfile_open(&f[0], at("n.csv"), &err), FNET_OK);
    CHECK_INT(fnet_outfile_open(&f[1], "/dev/full", &err), FNET_OK);
    fputs("new n\n", fnet_outfile_stream(f[0]));
    fputs("new e\n", fnet_outfile_stream(f[1]));
    CHECK_INT(fnet_outfile_commit_set(f, 2, &err), FNET_EIO);
    snprintf(want, sizeof want, "/dev/full: write error: %s", strerror(ENOSPC));
    CHECK_STR(err.msg, want);
    CHECK_STR(content(at("n.csv")), "old n\n");
    CHECK_STR(listing(dir), "n.csv");
    unlink(at("n.csv"));
}

int main(void)
{
    strcpy(dir, "/tmp/fnet-outfile-XXXXXX");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_commit_replaces);
    RUN(test_abort_keeps_old);
    RUN(test_new_file_mode);
    RUN(test_replace_keeps_mode);
    RUN(test_dev_full);
    RUN(test_readonly_dir);
    RUN(test_missing_dir);
    RUN(test_parent_is_file);
    RUN(test_write_fails_part_way);
    RUN(test_target_is_directory);
    RUN(test_fifo_written_in_place);
    RUN(test_symlink_followed);
    RUN(test_stdout_fails);
    RUN(test_stdout_order);
    RUN(test_fail_names_file);
    RUN(test_set_commits_all);
    RUN(test_set_one_fails);
    rmdir(dir);
    return TEST_REPORT();
}
