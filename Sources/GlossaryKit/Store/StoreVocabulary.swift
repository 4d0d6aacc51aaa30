import GlossaryText

/// The store's two token vocabularies (match keys -> ids from 1), loaded from
/// `source_words` / `target_words` and grown as documents are written. Ids are
/// the interner's, so they are dense, stable and the same in memory and on disk.
final class StoreVocabulary {
  enum Side { case source, target }

  private(set) var source = Interner<UInt16>()
  private(set) var target = Interner<UInt16>()
  /// Per id (index id - 1): the key is a word (not punctuation, a number or a symbol) or a
  /// character unit; as first seen.
  private(set) var sourceIsWord: [Bool] = []
  private(set) var targetIsWord: [Bool] = []
  private var persistedSource = 0
  private var persistedTarget = 0
  /// For the pinyin of new source words with Han characters (the concordance finds names by it).
  private var keys: LookupKeys?

  /// Loads both vocabularies; ids must be 1, 2, 3 ... (else the store is damaged).
  init(db: SQLiteDatabase) throws {
    keys = try LookupKeys()
    for side in [Side.source, .target] {
      var interner = Interner<UInt16>()
      var isWord: [Bool] = []
      let s = try db.prepare("SELECT id, key, is_word FROM \(side == .source ? "source_words" : "target_words") ORDER BY id")
      try s.rows { r in
        let id = interner.intern(Array(r.text(1).utf16))
        guard Int64(id) == r.int64(0), Int(id) == isWord.count + 1 else {
          throw StoreError.corrupt(path: db.path, reason: "vocabulary ids out of order")
        }
        isWord.append(r.int64(2) != 0)
      }
      if side == .source {
        (source, sourceIsWord, persistedSource) = (interner, isWord, interner.count)
      } else {
        (target, targetIsWord, persistedTarget) = (interner, isWord, interner.count)
      }
    }
  }

  /// Store ids of pending tokens, interning new keys.
  func ids(_ t: PendingTokens, side: Side) -> StoredTokens {
    var out = StoredTokens()
    out.words.reserveCapacity(t.wordFlags.count)
    out.wordFlags = t.wordFlags
    out.unitRanges = t.unitRanges
    out.unitWord = t.unitWord
    t.keys.withUnsafeBufferPointer { keys in
      func intern(_ lo: Int, _ hi: Int, isWord: Bool) -> Int32 {
        let key = UnsafeBufferPointer(rebasing: keys[lo..<hi])
        let id = side == .source ? source.intern(key) : target.intern(key)
        if Int(id) > (side == .source ? sourceIsWord.count : targetIsWord.count) {
          if side == .source { sourceIsWord.append(isWord) } else { targetIsWord.append(isWord) }
        }
        return id
      }
      var at = 0
      var u = 0
      for k in 0..<t.wordFlags.count {
        let end = Int(t.wordEnds[k])
        let word = intern(at, end, isWord: t.wordFlags[k] & 3 == TokenKind.word.rawValue)
        out.words.append(word)
        at = end
        while u < t.unitWord.count, t.unitWord[u] == Int32(k) {
          if t.unitEnds[u] < 0 {
            out.units.append(word)
          } else {
            let e = Int(t.unitEnds[u])
            out.units.append(intern(at, e, isWord: true))
            at = e
          }
          u += 1
        }
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
      let s = try db.prepare(side == .source ? "INSERT INTO source_words(id, key, is_word, pinyin) VALUES (?, ?, ?, ?)"
        : "INSERT INTO target_words(id, key, is_word) VALUES (?, ?, ?)")
      let isWord = side == .source ? sourceIsWord : targetIsWord
      for id in (from + 1)...interner.count {
        let key = interner.string(Int32(id))
        let word: SQLiteValue = .integer(isWord[id - 1] ? 1 : 0)
        if side == .source {
          let utf8 = Array(key.utf8)
          let pinyin = LookupKeys.hasHan(utf8) ? keys.map { String(decoding: $0.pinyinKey(ofKey: utf8), as: UTF8.self) } : nil
          try s.run(.integer(Int64(id)), .text(key), word, pinyin.map { .text($0) } ?? .null)
        } else {
          try s.run(.integer(Int64(id)), .text(key), word)
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
      if side == .source {
        source = fresh
        sourceIsWord.removeLast(sourceIsWord.count - keep)
      } else {
        target = fresh
        targetIsWord.removeLast(targetIsWord.count - keep)
      }
    }
  }

  /// The key of an id as a string.
  func key(_ id: Int32, side: Side) -> String { side == .source ? source.string(id) : target.string(id) }
}
