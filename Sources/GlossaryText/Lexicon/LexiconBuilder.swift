/// Parses CC-CEDICT bytes and compiles entries into a `Lexicon` image.
enum LexiconBuilder {
  /// Image sections (a trie takes three).
  enum Section: Int, CaseIterable {
    case keyTrie = 0, keyBlob = 3, keyStart, keyWordStart, keyWords, wordBlob, wordStart, wordTrie, pinyinBlob = 12, pinyinStart
  }

  /// The salt changes with the ICU version (keys are ICU normalizations) and the gloss word lists;
  /// bump `rules` when `Gloss.contentWords` or the key rules change in code.
  static let format = ImageFormat(
    magic: "GLOSLEX1", version: 1, sectionCount: 14,
    salt: StableHash.string(
      "rules 2 icu \(icuVersion) " + Gloss.stopwords.sorted().joined(separator: " ") + " | " + Gloss.leads.joined(separator: " ")))

  /// Entries of a CC-CEDICT file: UTF-8 (BOM dropped) in one pass over the bytes,
  /// LF, CRLF or CR line ends, `#` lines and blank lines skipped.
  /// - Throws: `TextError.invalidUTF8` / `.nulByte` with line and column,
  ///   `LexiconError.malformed` for a line that is not an entry.
  static func parse(_ bytes: [UInt8], path: String) throws -> [Lexicon.Entry] {
    try bytes.withUnsafeBufferPointer { all in
      var start = 0
      if all.count >= 3, all[0] == 0xEF, all[1] == 0xBB, all[2] == 0xBF { start = 3 }
      let body = UnsafeBufferPointer(rebasing: all[start...])
      try TextDecoder.validate(body, path: path)
      var entries: [Lexicon.Entry] = []
      entries.reserveCapacity(body.count / 80)
      var line = 0
      var i = 0
      while i < body.count {
        var end = i
        while end < body.count, body[end] != 0x0A, body[end] != 0x0D { end += 1 }
        line += 1
        let text = UnsafeBufferPointer(rebasing: body[i..<end])
        if !text.isEmpty, text[0] != 0x23, !text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
          guard let entry = parseLine(text) else {
            let shown = String(decoding: text, as: UTF8.self)
            throw LexiconError.malformed(path: path, line: line, text: String(shown.prefix(60)))
          }
          entries.append(entry)
        }
        if end < body.count, body[end] == 0x0D, end + 1 < body.count, body[end + 1] == 0x0A { end += 1 }
        i = end + 1
      }
      return entries
    }
  }

  /// `繁 简 [pin1 yin1] /gloss/gloss/` (glosses trimmed of spaces, empty ones dropped).
  static func parseLine(_ b: UnsafeBufferPointer<UInt8>) -> Lexicon.Entry? {
    guard let sp1 = b.firstIndex(of: 0x20) else { return nil }
    guard let sp2 = b[(sp1 + 1)...].firstIndex(of: 0x20), sp2 > sp1 + 1,
      let open = b[(sp2 + 1)...].firstIndex(of: 0x5B), let close = b[(open + 1)...].firstIndex(of: 0x5D),
      let slash = b[(close + 1)...].firstIndex(of: 0x2F)
    else { return nil }
    var glosses: [String] = []
    var g = slash + 1
    while g < b.count {
      var e = g
      while e < b.count, b[e] != 0x2F { e += 1 }
      var lo = g, hi = e
      while lo < hi, b[lo] == 0x20 || b[lo] == 0x09 { lo += 1 }
      while hi > lo, b[hi - 1] == 0x20 || b[hi - 1] == 0x09 { hi -= 1 }
      if lo < hi { glosses.append(String(decoding: UnsafeBufferPointer(rebasing: b[lo..<hi]), as: UTF8.self)) }
      g = e + 1
    }
    guard !glosses.isEmpty else { return nil }
    func s(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
    return Lexicon.Entry(
      traditional: s(0..<sp1), simplified: s((sp1 + 1)..<sp2), pinyin: s((open + 1)..<close), glosses: glosses)
  }

  /// The image of a lexicon: each simplified headword's match key once, with
  /// the content words of all its entries' glosses and the first entry's pinyin.
  static func build(_ entries: [Lexicon.Entry], identity: FileIdentity) throws -> [UInt8] {
    let normalizer = try MatchKeyNormalizer()
    var keyTrie = TermTrie(), wordTrie = TermTrie()
    var keyBlob: [UInt16] = [], keyStart: [Int32] = [0]
    var keyWords: [[Int32]] = []
    var wordBlob: [UInt16] = [], wordStart: [Int32] = [0]
    var pinyinBlob: [UInt8] = [], pinyinStart: [Int32] = [0]
    var wordIds: [String: Int32] = [:]
    for e in entries {
      let key = normalizer.key(for: e.simplified).units
      guard !key.isEmpty else { continue }
      let id: Int
      if let k = keyTrie.value(of: key) {
        id = Int(k)
      } else {
        id = keyWords.count
        keyTrie.insert(key, value: Int32(id))
        keyBlob += key
        keyStart.append(Int32(keyBlob.count))
        keyWords.append([])
        pinyinBlob += Array(e.pinyin.utf8)
        pinyinStart.append(Int32(pinyinBlob.count))
      }
      for gloss in e.glosses {
        for w in Gloss.contentWords(gloss) {
          let wid: Int32
          if let x = wordIds[w] {
            wid = x
          } else {
            let units = Array(w.utf16)
            wordBlob += units
            wordStart.append(Int32(wordBlob.count))
            wid = Int32(wordStart.count - 1)
            wordIds[w] = wid
            wordTrie.insert(units, value: wid)
          }
          if !keyWords[id].contains(wid) { keyWords[id].append(wid) }
        }
      }
    }
    var keyWordStart: [Int32] = [0]
    var flatWords: [Int32] = []
    for ws in keyWords {
      flatWords += ws
      keyWordStart.append(Int32(flatWords.count))
    }
    var b = BinaryImageBuilder(format: format)
    keyTrie.write(into: &b, sections: Section.keyTrie.rawValue)
    b.put(Section.keyBlob.rawValue, keyBlob)
    b.put(Section.keyStart.rawValue, keyStart)
    b.put(Section.keyWordStart.rawValue, keyWordStart)
    b.put(Section.keyWords.rawValue, flatWords)
    b.put(Section.wordBlob.rawValue, wordBlob)
    b.put(Section.wordStart.rawValue, wordStart)
    wordTrie.write(into: &b, sections: Section.wordTrie.rawValue)
    b.put(Section.pinyinBlob.rawValue, pinyinBlob)
    b.put(Section.pinyinStart.rawValue, pinyinStart)
    b.setScalar(0, UInt64(entries.count))
    return b.finish(identity: identity)
  }
}

extension Lexicon {
  /// The entries of CC-CEDICT bytes as written (for tools that show them; the
  /// aligners use the compiled lexicon).
  public static func parse(_ bytes: [UInt8], path: String) throws -> [Entry] {
    try LexiconBuilder.parse(bytes, path: path)
  }
}
