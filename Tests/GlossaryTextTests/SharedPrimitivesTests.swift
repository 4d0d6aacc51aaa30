import Testing
@testable import GlossaryText

@Suite struct InternerTests {
  @Test func denseIDsFromOneAndZeroForUnknown() {
    var words = Interner<UInt16>()
    #expect(words.intern("talk") == 1)
    #expect(words.intern("meet") == 2)
    #expect(words.intern("talk") == 1)
    #expect(words.id(of: "talk") == 1)
    #expect(words.id(of: "speak") == 0)
    #expect(words.count == 2)
    #expect(words.string(2) == "meet")
    #expect(Array(words[1]) == Array("talk".utf16))
    // Slices intern without copying and find the same id.
    let sentence = Array("we talk".utf16)
    #expect(words.id(of: sentence[3...]) == 1)
  }

  @Test func growsPastManyKeys() {
    var bytes = Interner<UInt8>()
    for i in 0..<5000 { #expect(bytes.intern("w\(i)") == Int32(i + 1)) }
    for i in stride(from: 0, to: 5000, by: 7) { #expect(bytes.id(of: "w\(i)") == Int32(i + 1)) }
    #expect(bytes.string(5000) == "w4999")
    #expect(bytes.intern("") == 5001)  // the empty key is a key like any other
  }
}

@Suite struct XMLEscaperTests {
  @Test func escapesMarkupAndReplacesForbiddenCharacters() {
    #expect(XMLEscaper.escape("a < b & c > d") == "a &lt; b &amp; c &gt; d")
    #expect(XMLEscaper.escape("\"x\" 'y'") == "\"x\" 'y'")
    #expect(XMLEscaper.escape("\"x\" 'y'", attribute: true) == "&quot;x&quot; &apos;y&apos;")
    #expect(XMLEscaper.escape("a\u{1}b\u{B}c\u{FFFE}d\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
    #expect(XMLEscaper.escape("a\u{1}b", replacement: " ") == "a b")
    #expect(XMLEscaper.escape("tab\tline\nret\r") == "tab\tline\nret&#xD;")
    #expect(XMLEscaper.escape("t\tn\n", attribute: true) == "t&#x9;n&#xA;")
    #expect(XMLEscaper.escape("命运共同体 😀") == "命运共同体 😀")
    #expect(XMLEscaper.escape(utf16: [0x61, 0xD800, 0x62]) == "a\u{FFFD}b")  // a lone surrogate
  }

  @Test func refusesWhenAsked() {
    #expect(throws: XMLEscaper.InvalidCharacter(scalar: 0x7, offset: 2)) { try XMLEscaper.escapeOrRefuse("ab\u{7}") }
    #expect((try? XMLEscaper.escapeOrRefuse("a&b")) == "a&amp;b")
  }
}

@Suite struct ParallelTests {
  struct Boom: Error, Equatable { let index: Int }

  @Test func resultsInOrderOnEveryWorkerCount() {
    for workers in [1, 2, 3, 8] {
      let out = Parallel.map(100, workers: workers) { $0 * $0 }
      #expect(out == (0..<100).map { $0 * $0 })
    }
    #expect(Parallel.map(0) { $0 }.isEmpty)
    #expect(Parallel.workers(for: 1) == 1)
    #expect(Parallel.workers(for: 0) == 1)
  }

  @Test func stateIsMadeOncePerWorker() {
    let out = Parallel.map(10, workers: 3, state: { [Int]() }) { seen, i in
      seen.append(i)
      return seen.count
    }
    // Worker w takes items w, w+3, w+6 ...: the n-th item of a worker sees n items.
    #expect(out == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4])
  }

  @Test func theLowestFailedIndexIsThrown() {
    #expect(throws: Boom(index: 4)) {
      try Parallel.map(20, workers: 4) { i throws(Boom) in
        if i == 4 || i == 9 || i == 15 { throw Boom(index: i) }
        return i
      }
    }
  }
}

@Suite struct OneLineTests {
  @Test func everyLineBreakAndTabIsOneSpace() {
    #expect(OneLine.flatten("a\r\nb\tc\nd\re") == "a b c d e")
    #expect(OneLine.flatten("x\u{2028}y\u{85}z\u{C}w") == "x y z w")
    #expect(OneLine.flatten("a\n\nb") == "a  b")
    #expect(OneLine.flatten("no break 命运") == "no break 命运")
  }
}

@Suite struct ExitStatusTests {
  struct Foreign: Error {}

  @Test func libraryErrorsMapThroughTheProtocolAndForeignOnesExit70() {
    #expect(ExitStatus.code(for: TextError.invalidUTF8(path: "a", line: 1, column: 2)) == 65)
    #expect(ExitStatus.code(for: TextError.fileNotFound(path: "a")) == 66)
    #expect(ExitStatus.code(for: TextError.unknownLanguage(code: "xx")) == 64)
    #expect(ExitStatus.code(for: TextError.icu(operation: "x", code: 3)) == 70)
    #expect(ExitStatus.code(for: LexiconError.malformed(path: "l", line: 3, text: "x")) == 65)
    #expect(ExitStatus.code(for: Foreign()) == 70)
    #expect(ExitStatus.message(for: TextError.unreadable(path: "p", reason: "denied")) == "p: cannot read: denied")
  }
}

@Suite struct ContainmentTests {
  func has(_ whole: String, _ part: String) -> Bool { Containment.contains(Array(whole.utf16), Array(part.utf16)) }

  @Test func spacedScriptsNeedWordBoundaries() {
    #expect(has("the china-laos railway", "china"))
    #expect(has("china's position", "china"))
    #expect(!has("chinatown", "china"))
    #expect(!has("machina", "china"))
    #expect(has("deepen political mutual trust", "political mutual trust"))
    #expect(!has("geopolitical mutual trust", "political mutual trust"))
    #expect(has("\"one belt, one road\"", "one belt, one road"))
    #expect(!has("abc", ""))
    #expect(!has("ab", "abc"))
  }

  @Test func unspacedScriptsMatchAnywhere() {
    #expect(has("推动构建人类命运共同体。", "命运共同体"))
    #expect(has("人类命运共同体", "人类命运共同"))
    #expect(has("ສປປລາວ", "ລາວ"))
    #expect(has("习近平同stupid", "同"))
    // A Latin word glued to Han text still needs its own boundaries on its Latin side.
    #expect(!has("在5gnetwork上", "5g"))
    #expect(has("在5g上", "5g"))
  }

  @Test func rangesAreNonOverlappingAndOnBoundaries() {
    let w = Array("aa aa aaa aa".utf16)
    #expect(Containment.ranges(of: Array("aa".utf16), in: w) == [0..<2, 3..<5, 10..<12])
    #expect(Containment.ranges(of: Array("共同".utf16), in: Array("共同共同体".utf16)) == [0..<2, 2..<4])
    // Never inside a surrogate pair.
    let pair = Array("𠀀".utf16)
    #expect(!Containment.contains(pair, [pair[1]]))
  }

  @Test func tokenSequences() {
    #expect(Containment.contains(tokens: [1, 2, 3, 1, 2, 4], [1, 2, 4]))
    #expect(!Containment.contains(tokens: [1, 2, 3], [2, 1]))
    #expect(Containment.firstIndex(of: [2, 3], in: [1, 2, 3, 2, 3]) == 1)
    #expect(Containment.firstIndex(of: [Int](), in: [1]) == nil)
  }
}
