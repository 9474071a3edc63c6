#include "CEditLineShim.h"

#include <signal.h>
#include <stdio.h>
#include <editline/readline.h>

static volatile sig_atomic_t interrupted = 0;
static volatile sig_atomic_t second_kills = 0;

static void on_interrupt(int signal_number) {
    if (interrupted && second_kills) {
        // signal() and raise() are async-signal-safe.
        signal(signal_number, SIG_DFL);
        raise(signal_number);
        return;
    }
    interrupted = 1;
}

void shim_install_interrupt_handler(int second_interrupt_kills) {
    rl_catch_signals = 0;
    second_kills = second_interrupt_kills ? 1 : 0;
    struct sigaction action = {0};
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: see the header
    sigaction(SIGINT, &action, NULL);
}

int shim_interrupted(void) { return interrupted != 0; }

void shim_clear_interrupt(void) { interrupted = 0; }

void shim_set_completion(char **(*function)(const char *text, int start, int end)) {
    rl_attempted_completion_function = function;
}

const char *shim_line_buffer(void) { return rl_line_buffer ? rl_line_buffer : ""; }

void shim_completion_done(int space_after) {
    rl_attempted_completion_over = 1;
    rl_completion_suppress_append = 0;
    rl_completion_append_character = space_after ? ' ' : '\0';
}
