import GlossaryAlign

/// A word model as the store records it.
struct StoredModelInfo: Sendable {
  var id: String
  /// Hash of what the priors came from (lexicon, glossary pairs).
  var priors: String
  var samplePairs: Int
  /// Whether the sample was capped (the corpus had more pairs than the policy's sample size).
  var fullSample: Bool
  /// Sentence pairs of the corpus when the model was trained.
  var corpusPairs: Int
}

extension AlignmentStore {
  /// The current word model's record (meta `model`), if any.
  func currentModelInfo() throws -> StoredModelInfo? {
    guard let id = try meta("model") else { return nil }
    let s = try db.prepare("SELECT priors, sample_pairs, full_sample, corpus_pairs FROM models WHERE id = ?")
    try s.bind([.text(id)])
    guard try s.step() else { return nil }
    return StoredModelInfo(id: id, priors: s.text(0), samplePairs: s.int(1), fullSample: s.int(2) != 0, corpusPairs: s.int(3))
  }

  /// Saves a model and makes it current (older models are dropped).
  func saveModel(_ model: WordAlignModel, info: StoredModelInfo) throws {
    let blob = Self.encode(model)
    try db.transaction {
      try db.execute("DELETE FROM models")
      try db.prepare("""
        INSERT INTO models(id, priors, sample_pairs, full_sample, corpus_pairs, data, data_check) VALUES (?, ?, ?, ?, ?, ?, ?)
        """).run(.text(info.id), .text(info.priors), SQLiteValue(info.samplePairs), SQLiteValue(info.fullSample ? 1 : 0),
                 SQLiteValue(info.corpusPairs), .blob(blob), .integer(Self.check(blob)))
      try setMeta("model", info.id)
    }
  }

  /// Loads a model by id.
  /// - Throws: `StoreError.corrupt` when it is missing or damaged.
  func loadModel(id: String, options: WordAlignOptions) throws -> WordAlignModel {
    let s = try db.prepare("SELECT data, data_check FROM models WHERE id = ?")
    try s.bind([.text(id)])
    guard try s.step() else { throw StoreError.corrupt(path: path, reason: "word model \(id) missing") }
    return try s.withBlob(0) { b in
      guard Self.check(b) == s.int64(1) else { throw StoreError.corrupt(path: path, reason: "word model checksum") }
      do { return try Self.decodeModel(b, options: options) } catch {
        throw StoreError.corrupt(path: path, reason: "word model")
      }
    }
  }

  static func encode(_ m: WordAlignModel) -> [UInt8] {
    var w = ByteWriter(capacity: 1 << 20)
    for keys in [m.sourceKeys, m.targetKeys] {
      w.count(keys.count)
      for k in keys { w.string(k) }
    }
    let entries = m.entries
    w.count(entries.count)
    for e in entries {
      w.count(Int(e.source)); w.count(Int(e.target)); w.float(e.forward); w.float(e.reverse)
    }
    for table in [m.forwardNull, m.reverseNull, m.forwardJump, m.reverseJump] {
      w.count(table.count)
      for v in table { w.double(v) }
    }
    return w.bytes
  }

  static func decodeModel(_ bytes: UnsafeRawBufferPointer, options: WordAlignOptions) throws -> WordAlignModel {
    var r = ByteReader(bytes)
    var vocabularies: [[String]] = []
    for _ in 0..<2 {
      let n = try r.count(limit: bytes.count)
      var keys: [String] = []
      keys.reserveCapacity(n)
      for _ in 0..<n { keys.append(try r.string()) }
      vocabularies.append(keys)
    }
    let n = try r.count(limit: bytes.count)
    var entries: [(source: Int32, target: Int32, forward: Float, reverse: Float)] = []
    entries.reserveCapacity(n)
    for _ in 0..<n {
      let e = try r.count(limit: vocabularies[0].count - 1), f = try r.count(limit: vocabularies[1].count - 1)
      entries.append((Int32(e), Int32(f), try r.float(), try r.float()))
    }
    var tables: [[Double]] = []
    for _ in 0..<4 {
      let k = try r.count(limit: bytes.count)
      var t: [Double] = []
      t.reserveCapacity(k)
      for _ in 0..<k { t.append(try r.double()) }
      tables.append(t)
    }
    guard r.isAtEnd, tables[0].count == vocabularies[1].count, tables[1].count == vocabularies[0].count,
      tables[2].count == 2 * options.maxJump + 1, tables[3].count == tables[2].count
    else { throw ByteReader.Malformed() }
    return WordAlignModel(
      options: options, sourceKeys: vocabularies[0], targetKeys: vocabularies[1], entries: entries,
      forwardNull: tables[0], reverseNull: tables[1], forwardJump: tables[2], reverseJump: tables[3])
  }
}
