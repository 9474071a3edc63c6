// What Swift 6 cannot touch directly in libedit: its C globals (completion settings, the line
// buffer), given here as functions, and the Ctrl-C flag, which only C can set safely from a
// signal handler.
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

// MARK: - Ctrl-C

/// Installs a SIGINT handler that only sets a flag (async-signal-safe), in place of libedit's own
/// (rl_catch_signals 0). No SA_RESTART: a read blocked in libedit or in readLine returns, so the
/// caller can tell Ctrl-C from end of input.
/// With `second_interrupt_kills` set, a Ctrl-C arriving while the flag is still set restores the
/// default action and re-raises, so a command that never polls can still be stopped.
void shim_install_interrupt_handler(int second_interrupt_kills);

/// Whether Ctrl-C was pressed since the flag was last cleared.
int shim_interrupted(void);

void shim_clear_interrupt(void);

// MARK: - libedit's globals

/// Sets libedit's completion callback.
void shim_set_completion(char **(*function)(const char *text, int start, int end));

/// The line typed so far, while a completion callback runs.
const char *shim_line_buffer(void);

/// After a completion: no file-name completion as a fallback, and a space after a unique match
/// unless `space_after` is 0 (a folder, whose files come next).
void shim_completion_done(int space_after);

#endif
