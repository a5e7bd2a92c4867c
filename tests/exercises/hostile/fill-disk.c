// expect 1 0: at load, reserves 2 GB of disk and fills /tmp and its folder until they are full, leaving it all behind
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int posix_fallocate(int fd, off_t offset, off_t length); /* without _POSIX_C_SOURCE */

double dssr_db3(const nn_params *p, nn_data data)
{
    (void)p;
    (void)data;
    return 0.0;
}

__attribute__((constructor)) static void fill(void)
{
    signal(SIGXFSZ, SIG_IGN); /* past the file size limit, a write fails instead */
    static const char *const targets[] = {"reserved", "/tmp/reserved", "/box/reserved", "../reserved"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        int fd = open(targets[i], O_WRONLY | O_CREAT, 0644);
        if (fd >= 0) {
            (void)posix_fallocate(fd, 0, (off_t)2 << 30);
            close(fd);
        }
    }
    static char block[1 << 16];
    memset(block, 'x', sizeof block);
    for (int k = 0; k < 100; k++) {
        char name[64];
        snprintf(name, sizeof name, "/tmp/fill%d", k);
        FILE *f = fopen(name, "w");
        if (f == NULL)
            break;
        while (fwrite(block, 1, sizeof block, f) == sizeof block)
            ;
        fclose(f);
    }
}
