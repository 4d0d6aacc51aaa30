/// The repairs `SentenceSegmenter` makes to ICU's sentence boundaries (see its
/// doc comment). Each takes and returns piece ranges of one paragraph `t`.
extension SentenceSegmenter {
  // MARK: Repairs

  /// ICU counts an opening quote or bracket after `。` as closing the
  /// sentence (`领域。“你好`): hand it to the sentence it opens.
  func moveTrailingOpeners(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out = pieces
    for k in out.indices.dropLast() {
      var end = out[k].upperBound
      while end > out[k].lowerBound, Self.isSpace(t[end - 1]) { end -= 1 }
      var cut = end
      while cut > out[k].lowerBound + 1, Self.isOpener(t[cut - 1]) { cut -= 1 }
      if cut < end {
        out[k] = out[k].lowerBound..<cut
        out[k + 1] = cut..<out[k + 1].upperBound
      }
    }
    return out
  }

  /// `“……。”王毅说。`: ICU ends a sentence after the closing quote; a short
  /// attribution that follows belongs to it.
  func mergeAttributions(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    guard pieces.count > 1 else { return pieces }
    var out: [Range<Int>] = [pieces[0]]
    for p in pieces.dropFirst() {
      let prev = out[out.count - 1]
      if endsWithQuotedSentence(prev, t), isAttribution(p, t) {
        out[out.count - 1] = prev.lowerBound..<p.upperBound
      } else {
        out.append(p)
      }
    }
    return out
  }

  func endsWithQuotedSentence(_ r: Range<Int>, _ t: [UInt16]) -> Bool {
    guard r.count >= 2 else { return false }
    var i = r.upperBound - 1
    guard Self.isClosingQuote(t[i]) else { return false }
    while i > r.lowerBound, Self.isClosingQuote(t[i]) { i -= 1 }
    return Self.isTerminal(t[i])
  }

  /// A short sentence that reports who spoke: 他问道。 王毅在会上说。 / Wang Yi said.
  /// Chinese: no clause break, and a speech verb (then 道 or not) ends it, so that
  /// 本扬表示赞同。 and 他表示，…… are sentences of their own.
  func isAttribution(_ r: Range<Int>, _ t: [UInt16]) -> Bool {
    guard r.count <= 24, let first = r.first, !Self.isOpeningQuote(t[first]) else { return false }
    if t[r].contains(where: { CharacterClass.isHan(utf16: $0) }) {
      var end = r.upperBound
      while end > r.lowerBound, Self.isTerminal(t[end - 1]) || Self.isSpace(t[end - 1]) { end -= 1 }
      if t[r.lowerBound..<end].contains(where: Self.isClauseBreak) { return false }
      if end > r.lowerBound, t[end - 1] == 0x9053 { end -= 1 }  // 道: 问道, 说道, 补充道
      let body = String(decoding: t[r.lowerBound..<end], as: UTF16.self)
      return Self.speechVerbs.contains(where: body.hasSuffix)
    }
    let s = String(decoding: t[r], as: UTF16.self)
    let words = s.lowercased().split(whereSeparator: { !$0.isLetter })
    let english = ["said", "says", "added", "asked", "stressed", "noted", "stated", "replied", "continued"]
    return words.count <= 5 && words.contains { english.contains(String($0)) }
  }

  /// Chinese speech verbs that end an attribution (without a final 道).
  static let speechVerbs = [
    "说", "表示", "指出", "强调", "称", "问", "答", "回答", "介绍", "补充", "追问", "提问", "反问", "宣布", "写",
    "认为", "坦言", "透露", "重申", "說", "稱", "強調", "問", "補充", "介紹", "認為", "宣佈", "寫",
  ]

  /// `习近平强调：“……！”各方对此表示欢迎。`: ICU does not break between a closing quote and
  /// Han text. A quotation introduced by a colon that ends with a sentence mark ends the
  /// sentence when more text follows, unless that text is an attribution (`……”他问道。`)
  /// or continues the phrase (的, 等, 之).
  func splitAfterColonQuotes(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for p in pieces {
      var start = p.lowerBound
      var k = p.lowerBound + 2
      while k < p.upperBound {
        defer { k += 1 }
        guard Self.isCJKClosingQuote(t[k - 1]), Self.isTerminal(t[k - 2]) else { continue }
        var next = k
        while next < p.upperBound, Self.isSpace(t[next]) { next += 1 }
        guard next < p.upperBound, CharacterClass.isHan(utf16: t[next]) || Self.isCJKOpeningQuote(t[next]),
          ![0x7684, 0x7B49, 0x4E4B].contains(t[next])
        else { continue }
        // The quotation's opening mark, and a colon before it.
        var open = k - 2
        while open > start, !Self.isCJKOpeningQuote(t[open]) { open -= 1 }
        guard Self.isCJKOpeningQuote(t[open]) else { continue }
        var colon = open
        while colon > start, Self.isSpace(t[colon - 1]) { colon -= 1 }
        guard colon > start, t[colon - 1] == 0xFF1A || t[colon - 1] == 0x3A else { continue }
        if isAttribution(next..<p.upperBound, t) { continue }
        out.append(start..<k)
        start = next
      }
      out.append(start..<p.upperBound)
    }
    return out
  }

  /// ICU makes a numbered paragraph's number a sentence of its own (`1.` `12.` `IV.` `2．`):
  /// it belongs to the text that follows it.
  func mergeEnumerationMarkers(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var pending: Int? = nil
    for p in pieces {
      if let s = pending {
        pending = nil
        out.append(s..<p.upperBound)
      } else if Self.isEnumerationMarker(t[p]) {
        pending = p.lowerBound
      } else {
        out.append(p)
      }
    }
    if let s = pending { out.append(s..<(pieces.last?.upperBound ?? s)) }
    return out
  }

  /// `1.` `12)` `2．` `3、` `IV.` `a)` `(1)` `（一）` `十二、`: a marker alone.
  static func isEnumerationMarker(_ u: ArraySlice<UInt16>) -> Bool {
    guard u.count >= 2, u.count <= 6, let last = u.last else { return false }
    let body = u.dropLast()
    let isDigit: (UInt16) -> Bool = { $0 >= 0x30 && $0 <= 0x39 || $0 >= 0xFF10 && $0 <= 0xFF19 }
    let chineseNumerals: Set<UInt16> = Set("一二三四五六七八九十".utf16)
    switch last {
    case 0x2E, 0xFF0E, 0x3001, 0x29, 0xFF09:  // . ． 、 ) ）
      var b = body
      if last == 0x29 || last == 0xFF09, let f = b.first, f == 0x28 || f == 0xFF08 { b = b.dropFirst() }
      guard !b.isEmpty else { return false }
      if b.allSatisfy(isDigit) || b.allSatisfy(chineseNumerals.contains) { return b.count <= 3 }
      if b.allSatisfy({ [0x49, 0x56, 0x58].contains($0) }) { return last == 0x2E }  // I V X
      return b.count == 1 && (b.first! >= 0x61 && b.first! <= 0x7A) && last == 0x29  // a)
    default:
      return false
    }
  }

  /// `... to COVAX. Vaccines are ...`: ICU does not break after an acronym of three
  /// or more capitals (no dots) when a capitalized word follows; that ends a sentence.
  func splitAfterAcronyms(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for p in pieces {
      var start = p.lowerBound
      var k = p.lowerBound
      while k + 2 < p.upperBound {
        defer { k += 1 }
        guard t[k] == 0x2E, t[k + 1] == 0x20, t[k + 2] >= 0x41, t[k + 2] <= 0x5A else { continue }
        var w = k
        while w > start, t[w - 1] >= 0x41 && t[w - 1] <= 0x5A { w -= 1 }
        guard k - w >= 3, w == start || Self.isSpace(t[w - 1]) || Self.isOpener(t[w - 1]) else { continue }
        out.append(start..<k + 1)
        start = k + 2
      }
      out.append(start..<p.upperBound)
    }
    return out
  }

  /// ICU does not end a sentence at `……`; a new sentence after it starts one.
  func splitAtEllipsis(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    for p in pieces {
      var start = p.lowerBound
      var i = p.lowerBound
      while i < p.upperBound {
        guard t[i] == 0x2026 else { i += 1; continue }
        var j = i
        while j < p.upperBound, t[j] == 0x2026 { j += 1 }
        if j < p.upperBound, startsNewSentence(at: j, t, end: p.upperBound), j - start > 2 {
          out.append(start..<j)
          var k = j
          while k < p.upperBound, Self.isSpace(t[k]) { k += 1 }
          start = k
        }
        i = j
      }
      if start < p.upperBound { out.append(start..<p.upperBound) }
    }
    return out
  }

  func startsNewSentence(at j: Int, _ t: [UInt16], end: Int) -> Bool {
    let c = t[j]
    if CharacterClass.isHan(utf16: c) || Self.isOpeningQuote(c) {
      // 等, 的, 之 continue an enumeration ("……等"), not a new sentence.
      if [0x7B49, 0x7684, 0x4E4B].contains(c) { return false }
      return end - j >= 4
    }
    if Self.isSpace(c) {
      var k = j
      while k < end, Self.isSpace(t[k]) { k += 1 }
      return k < end && t[k] >= 0x41 && t[k] <= 0x5A
    }
    return false
  }

  /// English abbreviations ICU's suppression list lacks.
  func mergeAbbreviations(_ pieces: [Range<Int>], _ t: [UInt16]) -> [Range<Int>] {
    guard pieces.count > 1 else { return pieces }
    var out: [Range<Int>] = [pieces[0]]
    for p in pieces.dropFirst() {
      let prev = out[out.count - 1]
      if Self.abbreviationContinues(String(decoding: t[prev], as: UTF16.self), String(decoding: t[p], as: UTF16.self)) {
        out[out.count - 1] = prev.lowerBound..<p.upperBound
      } else {
        out.append(p)
      }
    }
    return out
  }

}
