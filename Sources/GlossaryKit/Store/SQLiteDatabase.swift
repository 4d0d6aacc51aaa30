import CSQLite
import Foundation

/// A connection to an SQLite database file (the system libsqlite3): the one
/// place that talks to SQLite's C API. Statements are prepared once and
/// reused; every failure becomes a `StoreError` naming the file.
///
/// ```swift
/// let db = try SQLiteDatabase(path: "store.sqlite")
/// try db.execute("CREATE TABLE IF NOT EXISTS t(k TEXT PRIMARY KEY, v BLOB)")
/// let insert = try db.prepare("INSERT OR REPLACE INTO t VALUES (?, ?)")
/// try db.transaction { try insert.run("a", [1, 2, 3] as [UInt8]) }
/// ```
///
/// Not thread-safe: one connection per thread.
public final class SQLiteDatabase {
  public let path: String
  let handle: OpaquePointer

  /// Opens (or, unless `readOnly`, creates) a database file.
  /// - Parameter busyTimeout: how long a statement waits for another connection's write lock.
  public init(path: String, readOnly: Bool = false, busyTimeout: Double = 30) throws {
    self.path = path
    var db: OpaquePointer? = nil
    let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
    let rc = sqlite3_open_v2(path, &db, flags, nil)
    guard rc == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(rc))
      if let db { sqlite3_close_v2(db) }
      throw StoreError.from(code: rc, message: message, path: path)
    }
    handle = db
    sqlite3_extended_result_codes(db, 1)
    sqlite3_busy_timeout(db, Int32(max(0, busyTimeout) * 1000))
  }

  deinit { sqlite3_close_v2(handle) }

  /// Runs SQL without results (several statements allowed).
  public func execute(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>? = nil
    let rc = sqlite3_exec(handle, sql, nil, nil, &message)
    if rc != SQLITE_OK {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(rc))
      sqlite3_free(message)
      throw StoreError.from(code: rc, message: text, path: path)
    }
  }

  /// A prepared statement (reusable: `run`/`rows` reset it first).
  public func prepare(_ sql: String) throws -> SQLiteStatement {
    var statement: OpaquePointer? = nil
    let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
    guard rc == SQLITE_OK, let statement else { throw error(rc) }
    return SQLiteStatement(database: self, statement: statement)
  }

  /// Runs `body` in one write transaction (`BEGIN IMMEDIATE`): committed when
  /// it returns, rolled back when it throws. A killed process leaves the
  /// database as it was before the transaction.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try execute("BEGIN IMMEDIATE")
    do {
      let result = try body()
      try execute("COMMIT")
      return result
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// The rowid of the last insert on this connection.
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// The first column of the first row of a query, as an integer (nil when no row or NULL).
  public func integer(_ sql: String, _ values: SQLiteValue...) throws -> Int64? {
    let s = try prepare(sql)
    try s.bind(values)
    guard try s.step(), !s.isNull(0) else { return nil }
    return s.int64(0)
  }

  /// The first column of the first row of a query, as text (nil when no row or NULL).
  public func text(_ sql: String, _ values: SQLiteValue...) throws -> String? {
    let s = try prepare(sql)
    try s.bind(values)
    guard try s.step(), !s.isNull(0) else { return nil }
    return s.text(0)
  }

  /// The error for a result code, with SQLite's message for this connection.
  func error(_ rc: Int32) -> StoreError {
    StoreError.from(code: rc, message: String(cString: sqlite3_errmsg(handle)), path: path)
  }

  /// The SQLite library version (`3.40.1`).
  public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}

/// A value bound to a statement parameter.
public enum SQLiteValue {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])
}

extension SQLiteValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
  public init(integerLiteral value: Int64) { self = .integer(value) }
  public init(stringLiteral value: String) { self = .text(value) }
  public init(_ value: Int) { self = .integer(Int64(value)) }
}

/// A prepared statement of a `SQLiteDatabase`.
public final class SQLiteStatement {
  let database: SQLiteDatabase
  let statement: OpaquePointer

  init(database: SQLiteDatabase, statement: OpaquePointer) {
    self.database = database
    self.statement = statement
  }

  deinit { sqlite3_finalize(statement) }

  /// SQLite copies the bytes it is given (the buffers are Swift's).
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  /// Resets the statement and binds values to parameters 1, 2, ...
  public func bind(_ values: [SQLiteValue]) throws {
    sqlite3_reset(statement)
    sqlite3_clear_bindings(statement)
    for (k, v) in values.enumerated() {
      let i = Int32(k + 1)
      let rc: Int32
      switch v {
      case .null: rc = sqlite3_bind_null(statement, i)
      case let .integer(x): rc = sqlite3_bind_int64(statement, i, x)
      case let .real(x): rc = sqlite3_bind_double(statement, i, x)
      case let .text(s): rc = sqlite3_bind_text(statement, i, s, -1, Self.transient)
      case let .blob(b):
        rc = b.withUnsafeBytes { raw in
          // A zero-length blob is not NULL: bind a zero-length blob explicitly.
          raw.count == 0 ? sqlite3_bind_zeroblob(statement, i, 0)
            : sqlite3_bind_blob(statement, i, raw.baseAddress, Int32(raw.count), Self.transient)
        }
      }
      guard rc == SQLITE_OK else { throw database.error(rc) }
    }
  }

  /// Binds and runs a statement that returns no rows.
  public func run(_ values: SQLiteValue...) throws {
    try bind(values)
    while try step() {}
  }

  /// Binds and runs a statement that returns no rows.
  public func run(values: [SQLiteValue]) throws {
    try bind(values)
    while try step() {}
  }

  /// Advances to the next row: true when there is one.
  public func step() throws -> Bool {
    let rc = sqlite3_step(statement)
    if rc == SQLITE_ROW { return true }
    if rc == SQLITE_DONE { return false }
    throw database.error(rc)
  }

  /// Binds, then calls `body` for every row.
  public func rows(_ values: SQLiteValue..., body: (SQLiteStatement) throws -> Void) throws {
    try bind(values)
    while try step() { try body(self) }
  }

  public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }
  public func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }
  public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
  public func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }

  public func text(_ column: Int32) -> String {
    guard let p = sqlite3_column_text(statement, column) else { return "" }
    let n = Int(sqlite3_column_bytes(statement, column))
    return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
  }

  /// The bytes of a blob column, valid only inside `body` (no copy).
  public func withBlob<T>(_ column: Int32, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    let p = sqlite3_column_blob(statement, column)
    let n = Int(sqlite3_column_bytes(statement, column))
    return try body(UnsafeRawBufferPointer(start: n > 0 ? p : nil, count: n))
  }

  public func blob(_ column: Int32) -> [UInt8] { withBlob(column) { Array($0) } }
}
