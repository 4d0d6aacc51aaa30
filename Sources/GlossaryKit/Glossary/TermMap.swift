/// Term (language, text) -> the concepts holding it, for edits and imports in
/// constant time: a 64-bit hash of the folded language code and the text maps
/// to the first concept index, the rare others (homonyms, hash collisions)
/// are kept aside. Callers verify the candidates (``Glossary/conceptIDs(withTerm:language:)``).
struct TermMap: Sendable {
  private var first: [UInt64: Int32] = [:]
  private var more: [UInt64: [Int32]] = [:]

  /// FNV-1a over the language code folded (``Glossary/foldLanguageByte(_:)``), a 0 byte, and the text's UTF-8.
  static func hash(_ language: String, _ text: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in language.utf8 { h = (h ^ UInt64(Glossary.foldLanguageByte(b))) &* 0x100_0000_01b3 }
    h = h &* 0x100_0000_01b3
    for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  mutating func reserve(_ n: Int) { first.reserveCapacity(n) }

  mutating func removeAll() {
    first = [:]
    more = [:]
  }

  mutating func insert(_ language: String, _ text: String, _ index: Int) {
    let h = TermMap.hash(language, text)
    if first[h] == nil { first[h] = Int32(index) } else { more[h, default: []].append(Int32(index)) }
  }

  mutating func remove(_ language: String, _ text: String, _ index: Int) {
    let h = TermMap.hash(language, text)
    if first[h] == Int32(index) {
      if var rest = more[h], !rest.isEmpty {
        first[h] = rest.removeFirst()
        more[h] = rest.isEmpty ? nil : rest
      } else {
        first[h] = nil
      }
    } else if var rest = more[h], let k = rest.firstIndex(of: Int32(index)) {
      rest.remove(at: k)
      more[h] = rest.isEmpty ? nil : rest
    }
  }

  /// Concept indexes that may hold the term (unverified), in insertion order.
  func candidates(_ language: String, _ text: String) -> [Int] {
    let h = TermMap.hash(language, text)
    guard let f = first[h] else { return [] }
    return [Int(f)] + (more[h] ?? []).map(Int.init)
  }
}
