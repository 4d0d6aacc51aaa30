import GlossaryText

/// The store's two token vocabularies (match keys -> ids from 1), loaded from
/// `source_words` / `target_words` and grown as documents are written. Ids are
/// the interner's, so they are dense, stable and the same in memory and on disk.
final class StoreVocabulary {
  enum Side { case source, target }

  private(set) var source = Interner<UInt16>()
  private(set) var target = Interner<UInt16>()
  private var persistedSource = 0
  private var persistedTarget = 0
  /// For the pinyin of new source words with Han characters (the concordance finds names by it).
  private var keys: LookupKeys?

  /// Loads both vocabularies; ids must be 1, 2, 3 ... (else the store is damaged).
  init(db: SQLiteDatabase) throws {
    keys = try LookupKeys()
    for side in [Side.source, .target] {
      var interner = Interner<UInt16>()
      let s = try db.prepare("SELECT id, key FROM \(side == .source ? "source_words" : "target_words") ORDER BY id")
      try s.rows { r in
        let id = interner.intern(Array(r.text(1).utf16))
        guard Int64(id) == r.int64(0) else { throw StoreError.corrupt(path: db.path, reason: "vocabulary ids out of order") }
      }
      if side == .source { source = interner; persistedSource = interner.count } else { target = interner; persistedTarget = interner.count }
    }
  }

  /// Store ids of pending tokens, interning new keys.
  func ids(_ t: PendingTokens, side: Side) -> StoredTokens {
    var out = StoredTokens()
    out.ids.reserveCapacity(t.ranges.count)
    t.keys.withUnsafeBufferPointer { keys in
      var start = 0
      for k in 0..<t.ranges.count {
        let end = Int(t.keyEnds[k])
        let key = UnsafeBufferPointer(rebasing: keys[start..<end])
        let id = side == .source ? source.intern(key) : target.intern(key)
        out.append(id: id, range: t.ranges[k], flags: t.flags[k])
        start = end
      }
    }
    return out
  }

  /// Inserts the words interned since the last persist (inside the caller's transaction), source
  /// words with Han characters with their toneless pinyin (`LookupKeys.pinyinKey`).
  func persist(_ db: SQLiteDatabase) throws {
    for side in [Side.source, .target] {
      let interner = side == .source ? source : target
      let from = side == .source ? persistedSource : persistedTarget
      guard interner.count > from else { continue }
      let s = try db.prepare(side == .source ? "INSERT INTO source_words(id, key, pinyin) VALUES (?, ?, ?)"
        : "INSERT INTO target_words(id, key) VALUES (?, ?)")
      for id in (from + 1)...interner.count {
        let key = interner.string(Int32(id))
        if side == .source {
          let utf8 = Array(key.utf8)
          let pinyin = LookupKeys.hasHan(utf8) ? keys.map { String(decoding: $0.pinyinKey(ofKey: utf8), as: UTF8.self) } : nil
          try s.run(.integer(Int64(id)), .text(key), pinyin.map { .text($0) } ?? .null)
        } else {
          try s.run(.integer(Int64(id)), .text(key))
        }
      }
      if side == .source { persistedSource = interner.count } else { persistedTarget = interner.count }
    }
  }

  /// Forgets words interned since the last persist (after a failed transaction).
  func rollback() {
    // Interner cannot shrink: rebuild from the persisted prefix.
    for side in [Side.source, .target] {
      let interner = side == .source ? source : target
      let keep = side == .source ? persistedSource : persistedTarget
      guard interner.count > keep else { continue }
      var fresh = Interner<UInt16>()
      for id in stride(from: 1, through: keep, by: 1) { _ = fresh.intern(interner[Int32(id)]) }
      if side == .source { source = fresh } else { target = fresh }
    }
  }

  /// The key of an id as a string.
  func key(_ id: Int32, side: Side) -> String { side == .source ? source.string(id) : target.string(id) }
}
