#ifndef FIREBREAK_CNCURSES_SHIM_H
#define FIREBREAK_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

/// Number of colours the terminal supports (the `COLORS` global is not concurrency-safe in Swift).
static inline int firebreak_colors(void) { return COLORS; }
/// Number of colour pairs the terminal supports.
static inline int firebreak_color_pairs(void) { return COLOR_PAIRS; }
/// The standard screen (the `stdscr` global).
static inline WINDOW *firebreak_stdscr(void) { return stdscr; }
/// Starts curses on stdout/stdin (the `stdout`/`stdin` globals are not concurrency-safe in Swift);
/// unlike `initscr`, returns NULL instead of exiting when the terminal is unknown.
static inline SCREEN *firebreak_newterm(void) { return newterm(NULL, stdout, stdin); }
/// Text attributes (the `A_*` macros are not imported into Swift).
static inline attr_t firebreak_attr_bold(void) { return A_BOLD; }
static inline attr_t firebreak_attr_dim(void) { return A_DIM; }
static inline attr_t firebreak_attr_reverse(void) { return A_REVERSE; }
static inline attr_t firebreak_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t firebreak_attr_italic(void) { return A_ITALIC; }
/// Columns and rows of a window (the `getmaxyx` macro).
static inline int firebreak_columns(WINDOW *window) { return getmaxx(window); }
static inline int firebreak_rows(WINDOW *window) { return getmaxy(window); }
#endif
