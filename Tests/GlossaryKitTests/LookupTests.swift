import Foundation
import GlossaryTestSupport
import Testing

@testable import GlossaryKit

@Suite struct LookupTests {
  let keys: LookupKeys
  let index: LookupIndex

  init() throws {
    keys = try LookupKeys()
    index = try LookupIndex.inMemory(text: TestSupport.sampleGlossary, path: "s.tsv", keys: keys)
  }

  @Test func exactOnMatchKeysInEitherLanguage() {
    let hits = index.lookup("命運共同體", keys: keys)
    #expect(hits.first?.kind == .exact && hits.first?.source == "命运共同体")
    let en = index.lookup("Community With A Shared Future", keys: keys)
    #expect(en.first?.kind == .exact && en.first?.source == "命运共同体")
    // Leading article and plural do not matter.
    let plural = index.lookup("The Communities with a shared future", keys: keys)
    #expect(plural.first?.source == "命运共同体")
    #expect(index.lookup("obor", keys: keys).first?.matched == "OBOR")
  }

  @Test func renderingsInDisplayOrder() {
    let hit = index.lookup("一带一路", keys: keys).first
    #expect(hit?.entries.map(\.status) == [.preferred, .admitted, .superseded, .deprecated])
  }

  @Test func containingThenContained() {
    let hits = index.lookup("命运共同体", keys: keys)
    #expect(hits.map(\.kind) == [.exact, .containing])
    #expect(hits.last?.source == "人类命运共同体")
    let sentence = index.lookup("国家主席说，要推动构建人类命运共同体，共建一带一路。", keys: keys)
    #expect(sentence.map(\.kind) == [.contained, .contained, .contained])
    // Longest first; 命运共同体 is inside 人类命运共同体 and not reported again.
    #expect(sentence.map(\.source) == ["人类命运共同体", "国家主席", "一带一路"])  // equal lengths: in text order
  }

  @Test func aTermIsNotSearchedForTermsInside() {
    // 人类命运共同体 is a term: its exact hit comes without the 命运共同体 inside it.
    let hits = index.lookup("人类命运共同体", keys: keys)
    #expect(hits.map(\.kind) == [.exact])
    // Not a term: the terms inside it.
    #expect(index.lookup("构建人类命运共同体", keys: keys).map(\.source) == ["人类命运共同体"])
  }

  @Test func fuzzyAndPinyin() {
    let typo = index.lookup("名运共同体", keys: keys)
    #expect(typo.first?.kind == .fuzzy && typo.first?.source == "命运共同体")
    let pinyin = index.lookup("yidaiyilu", keys: keys)
    #expect(pinyin.first?.kind == .fuzzy && pinyin.first?.source == "一带一路")
    let spelling = index.lookup("comunity with a shared future", keys: keys)
    #expect(spelling.first?.kind == .fuzzy && spelling.first?.distance == 1)
    #expect(index.lookup("完全无关的话", keys: keys).isEmpty)
  }

  @Test func asOfAndStatusFilters() {
    let then = index.lookup("一带一路", keys: keys, options: LookupOptions(asOf: ISODate("2015-06-01")))
    #expect(then.first?.entries.map(\.target) == ["One Belt, One Road"])
    let now = index.lookup("一带一路", keys: keys, options: LookupOptions(asOf: ISODate("2020-06-01")))
    #expect(now.first?.entries.map(\.target) == ["the Belt and Road Initiative", "the Belt and Road"])
    let preferred = index.lookup("一带一路", keys: keys, options: LookupOptions(statuses: [.preferred]))
    #expect(preferred.first?.entries.count == 1)
    #expect(index.lookup("一带一路", keys: keys, options: LookupOptions(language: "en")).allSatisfy { $0.kind == .fuzzy })
  }

  @Test func cacheIsBuiltReusedAndInvalidated() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = try TestSupport.write(TestSupport.sampleGlossary, to: "s.zh-en.tsv", in: dir)
    _ = try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0)
    #expect(LookupIndex.cacheIsCurrent(for: path))
    let mapped = try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0)
    #expect(mapped.lookup("命运共同体", keys: keys).first?.entries.first?.note == "Generic.")
    try GlossaryStore.update(path: path) { g in try g.add(GlossaryEntry(source: "中国梦", target: "the Chinese Dream", status: .preferred)) }
    #expect(!LookupIndex.cacheIsCurrent(for: path))
    let rebuilt = try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0)
    #expect(rebuilt.lookup("中国梦", keys: keys).first?.entries.first?.target == "the Chinese Dream")
    // A corrupt cache is rebuilt, never trusted.
    try Data("GLOSIDX2 garbage".utf8).write(to: URL(fileURLWithPath: LookupIndex.cachePath(for: path)))
    #expect(try LookupIndex.open(path: path, keys: keys, cacheMinBytes: 0).lookup("中国梦", keys: keys).count == 1)
  }
}
