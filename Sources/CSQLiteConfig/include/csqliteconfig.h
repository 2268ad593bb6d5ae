// Non-variadic wrapper over sqlite3_config, which Swift cannot call directly (C variadics).
#ifndef LCARS_CSQLITECONFIG_H
#define LCARS_CSQLITECONFIG_H

// Every SQLite connection otherwise reserves 20 cache pages (~87 kB) up front, in one
// allocation that lives as long as the connection, used or not: with a pool's reader
// connections and their temp databases that was ~1.8 MB of lcarsd's idle memory. Pages are
// then allocated as they are needed. Must run before the first connection opens (SQLite
// refuses configuration once initialized): returns SQLite's result code (0 = SQLITE_OK).
int lcars_sqlite_no_initial_page_cache(void);

#endif
