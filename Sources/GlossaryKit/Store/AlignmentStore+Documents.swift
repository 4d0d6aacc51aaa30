import GlossaryAlign
import GlossaryText

/// What the store knows of a document without reading its blobs.
struct IndexedDocument: Sendable {
  var rowID: Int64
  var collection: String
  var name: String
  var source: StoreFile
  var target: StoreFile
  var pairCount: Int
  var model: String?

  /// The key of a document in the store and in a corpus scan: collection and name.
  static func key(collection: String, name: String) -> String { collection + "/" + name }
  var key: String { Self.key(collection: collection, name: name) }
}

extension AlignmentStore {
  /// Every document the store holds, by `IndexedDocument.key`.
  func index() throws -> [String: IndexedDocument] {
    var out: [String: IndexedDocument] = [:]
    let s = try db.prepare("""
      SELECT id, collection, name, source_file, source_stamp, source_hash, target_file, target_stamp, target_hash,
        pair_count, model FROM documents
      """)
    try s.rows { r in
      let d = IndexedDocument(
        rowID: r.int64(0), collection: r.text(1), name: r.text(2),
        source: StoreFile(path: r.text(3), stamp: r.text(4), hash: r.text(5)),
        target: StoreFile(path: r.text(6), stamp: r.text(7), hash: r.text(8)),
        pairCount: r.int(9), model: r.isNull(10) ? nil : r.text(10))
      out[d.key] = d
    }
    return out
  }

  /// Writes aligned documents (replacing earlier versions of them) in one transaction, with
  /// the words they add to the vocabularies.
  func write(_ documents: [DocumentAlignment], vocabulary: StoreVocabulary) throws {
    guard !documents.isEmpty else { return }
    try db.transaction {
      var nextPair = (try db.integer("SELECT max(id) FROM pairs") ?? 0) + 1
      let find = try db.prepare("SELECT id FROM documents WHERE collection = ? AND name = ?")
      let insertDocument = try db.prepare("""
        INSERT INTO documents(collection, name, date, source_file, target_file, source_stamp, target_stamp,
          source_hash, target_hash, first_pair, pair_count, tokens, tokens_check)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
      let insertPair = try db.prepare("INSERT INTO pairs(id, document, source, target) VALUES (?, ?, ?, ?)")
      let insertKeys = try db.prepare("INSERT INTO pair_keys(id, source_key, target_key) VALUES (?, ?, ?)")
      for d in documents {
        try find.bind([.text(d.document.collection), .text(d.document.id)])
        if try find.step() { try delete(rowID: find.int64(0)) }
        var stored: [StoredPair] = []
        stored.reserveCapacity(d.pairs.count)
        for (k, p) in d.pairs.enumerated() {
          stored.append(StoredPair(
            id: nextPair + Int64(k), sourceRange: p.sourceRange, targetRange: p.targetRange, score: p.score,
            source: vocabulary.ids(p.source, side: .source), target: vocabulary.ids(p.target, side: .target), links: []))
        }
        let tokens = StoredPairCodec.encodeTokens(stored)
        try insertDocument.run(values: [
          .text(d.document.collection), .text(d.document.id), .text(d.document.date.description),
          .text(d.sourceFile.path), .text(d.targetFile.path), .text(d.sourceFile.stamp), .text(d.targetFile.stamp),
          .text(d.sourceFile.hash), .text(d.targetFile.hash), .integer(nextPair), SQLiteValue(d.pairs.count),
          .blob(tokens), .integer(Self.check(tokens)),
        ])
        let rowID = db.lastInsertRowID
        for (k, p) in d.pairs.enumerated() {
          try insertPair.run(.integer(nextPair + Int64(k)), .integer(rowID), .text(p.sourceText), .text(p.targetText))
          try insertKeys.run(.integer(nextPair + Int64(k)), .text(p.sourceKey), .text(p.targetKey))
        }
        nextPair += Int64(d.pairs.count)
      }
      try vocabulary.persist(db)
    }
  }

  /// Deletes a document and its pairs (inside the caller's transaction).
  func delete(rowID: Int64) throws {
    try db.prepare("DELETE FROM pair_keys WHERE id IN (SELECT id FROM pairs WHERE document = ?)").run(.integer(rowID))
    try db.prepare("DELETE FROM pairs WHERE document = ?").run(.integer(rowID))
    try db.prepare("DELETE FROM documents WHERE id = ?").run(.integer(rowID))
  }

  /// Records new stamps of files whose content did not change (touched, copied back).
  func updateStamps(_ updates: [(rowID: Int64, source: String, target: String)]) throws {
    guard !updates.isEmpty else { return }
    try db.transaction {
      let s = try db.prepare("UPDATE documents SET source_stamp = ?, target_stamp = ? WHERE id = ?")
      for u in updates { try s.run(.text(u.source), .text(u.target), .integer(u.rowID)) }
    }
  }

  /// Writes word links of documents, with the model they come from, in one transaction.
  func writeLinks(_ links: [(rowID: Int64, links: [[AlignmentLink]])], model: String) throws {
    guard !links.isEmpty else { return }
    try db.transaction {
      let s = try db.prepare("UPDATE documents SET links = ?, links_check = ?, model = ? WHERE id = ?")
      for l in links {
        let blob = StoredPairCodec.encodeLinks(l.links)
        try s.run(.blob(blob), .integer(Self.check(blob)), .text(model), .integer(l.rowID))
      }
    }
  }

  /// The checksum of a blob (FNV-1a 64, as an SQLite integer).
  static func check(_ bytes: [UInt8]) -> Int64 {
    bytes.withUnsafeBufferPointer { Int64(bitPattern: LookupKeys.hash($0, seed: 0xB10B)) }
  }

  static func check(_ bytes: UnsafeRawBufferPointer) -> Int64 {
    Int64(bitPattern: LookupKeys.hash(bytes.bindMemory(to: UInt8.self), seed: 0xB10B))
  }

  /// Streams documents in date order (then name), decoded, with their links when they come
  /// from `model` (else `isLinked` is false and the links are empty).
  /// - Parameter filter: an SQL condition on `documents` (e.g. `id IN (...)`), or nil for all.
  /// - Throws: `StoreError.corrupt` for a blob whose checksum or encoding is wrong.
  public func forEachDocument(
    where filter: String? = nil, model: String?, _ body: (StoredDocument) throws -> Void
  ) throws {
    let (sv, tv) = try vocabularyCounts()
    let s = try db.prepare("""
      SELECT \(Self.documentColumns) FROM documents \(filter.map { "WHERE " + $0 } ?? "") ORDER BY date, name, collection
      """)
    try s.rows { r in try body(decodeDocument(r, model: model, sourceVocabulary: sv, targetVocabulary: tv)) }
  }

  static let documentColumns = "id, collection, name, date, first_pair, tokens, tokens_check, links, links_check, model"

  /// A row of `documentColumns`, decoded and checked.
  func decodeDocument(_ r: SQLiteStatement, model: String?, sourceVocabulary sv: Int, targetVocabulary tv: Int) throws -> StoredDocument {
    let rowID = r.int64(0)
    guard let date = ISODate(r.text(3)) else { throw StoreError.corrupt(path: path, reason: "document \(rowID): bad date") }
    var pairs = try r.withBlob(5) { b -> [StoredPair] in
      guard Self.check(b) == r.int64(6) else { throw StoreError.corrupt(path: path, reason: "document \(rowID): tokens checksum") }
      do {
        return try StoredPairCodec.decodeTokens(b, firstPair: r.int64(4), sourceVocabulary: sv, targetVocabulary: tv)
      } catch {
        throw StoreError.corrupt(path: path, reason: "document \(rowID): tokens")
      }
    }
    var linked = false
    if let model, !r.isNull(7), !r.isNull(9), r.text(9) == model {
      try r.withBlob(7) { b in
        guard Self.check(b) == r.int64(8) else { throw StoreError.corrupt(path: path, reason: "document \(rowID): links checksum") }
        do { try StoredPairCodec.decodeLinks(b, into: &pairs) } catch {
          throw StoreError.corrupt(path: path, reason: "document \(rowID): links")
        }
      }
      linked = true
    }
    return StoredDocument(rowID: rowID, name: r.text(2), collection: r.text(1), date: date, pairs: pairs, isLinked: linked)
  }

  /// Sizes of the two vocabularies (largest ids).
  func vocabularyCounts() throws -> (source: Int, target: Int) {
    (Int(try db.integer("SELECT coalesce(max(id), 0) FROM source_words") ?? 0),
     Int(try db.integer("SELECT coalesce(max(id), 0) FROM target_words") ?? 0))
  }

  /// Display texts of sentence pairs by id (missing ids are left out).
  public func pairTexts(_ ids: [Int64]) throws -> [Int64: (source: String, target: String)] {
    var out: [Int64: (String, String)] = [:]
    let s = try db.prepare("SELECT source, target FROM pairs WHERE id = ?")
    for id in Set(ids) {
      try s.bind([.integer(id)])
      if try s.step() { out[id] = (s.text(0), s.text(1)) }
    }
    return out
  }
}
