#include "csqliteconfig.h"
#include <sqlite3.h>

int lcars_sqlite_no_initial_page_cache(void) {
    // No buffer of our own (NULL, size 0) and N = 0: no up-front bulk allocation per connection.
    return sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
}
