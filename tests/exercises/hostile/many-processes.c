// expect 1 0: starts processes until it cannot, each waiting forever, then answers wrong
double dssr_db3(const nn_params *p, nn_data data)
{
    double spawn(void);
    (void)p;
    (void)data;
    return spawn();
}
int fork(void);
int pause(void);

double spawn(void)
{
    for (int i = 0; i < 100000; i++) {
        int child = fork();
        if (child < 0)
            break;
        if (child == 0)
            for (;;)
                pause();
    }
    return 0.0;
}
