// COIN-OR CBC's C interface (Debian's coinor-libcbc-dev, CBC 2.10): the MIP solver siting calls.
#include <coin/Cbc_C_Interface.h>
