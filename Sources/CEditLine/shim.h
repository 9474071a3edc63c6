// libedit's readline-compatible interface: line editing, history and completion for the REPL.
#include <stdio.h>
#include <editline/readline.h>
