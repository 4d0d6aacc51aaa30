// The system SQLite (Debian libsqlite3-dev, 3.37 or later: FTS5 with the trigram tokenizer),
// used only by GlossaryKit/Store/SQLiteDatabase.swift; found through pkg-config sqlite3.
#include <sqlite3.h>
