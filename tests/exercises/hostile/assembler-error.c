// expect 0 0: C that compiles, with an instruction the assembler refuses: reported as the assembler's error
double dssr_db3(const nn_params *p, nn_data data)
{
    (void)p;
    (void)data;
    __asm__("not_an_instruction %eax");
    return 0.0;
}
