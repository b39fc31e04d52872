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
#endif
