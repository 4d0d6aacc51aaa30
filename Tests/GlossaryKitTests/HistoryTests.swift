import Testing
@testable import GlossaryKit

@Suite struct HistoryTests {
  func entry(_ target: String, _ status: TermStatus, _ docs: [String]) -> GlossaryEntry {
    GlossaryEntry(source: "一带一路", target: target, status: status, seenIn: docs,
                  examples: docs.map { TermExample(document: $0, source: "zh \($0)", target: "en \($0)") })
  }

  @Test func detectsASwitchWithEvidenceAroundIt() {
    let old = entry("One Belt, One Road", .superseded, ["2014-11-08-a", "2015-04-20-b", "2015-12-02-c"])
    let new = entry("the Belt and Road Initiative", .preferred, ["2016-01-22-d", "2017-05-14-e", "2019-04-30-f", "2021-01-01-g"])
    let never = entry("OBOR", .deprecated, [])
    let h = TermHistory(source: "一带一路", entries: [new, never, old])
    #expect(h.timelines.map(\.target) == ["One Belt, One Road", "the Belt and Road Initiative", "OBOR"])
    #expect(h.timelines[0].perYear == [2014: 1, 2015: 2])
    #expect(h.years == Array(2014...2021))
    #expect(h.switches.count == 1)
    let s = h.switches[0]
    #expect(s.from == "One Belt, One Road" && s.to == "the Belt and Road Initiative")
    #expect(s.lastOld == ISODate("2015-12-02") && s.firstNew == ISODate("2016-01-22"))
    #expect(s.before?.document == "2015-12-02-c" && s.after?.document == "2016-01-22-d")
  }

  @Test func noSwitchWhenRenderingsAlternate() {
    let a = entry("A", .preferred, ["2014-01-01-a", "2016-01-01-b", "2018-01-01-c", "2018-02-01-c2"])
    let b = entry("B", .admitted, ["2015-01-01-d", "2017-01-01-e"])
    #expect(TermHistory(source: "x", entries: [a, b]).switches.isEmpty)
  }

  @Test func chartsShowEveryRendering() {
    let old = entry("One Belt, One Road", .superseded, ["2014-11-08-a", "2015-04-20-b"])
    let new = entry("the Belt and Road Initiative", .preferred, ["2016-01-22-d", "2017-05-14-e"])
    let h = TermHistory(source: "一带一路", entries: [old, new])
    let text = HistoryChart.text(h, color: false)
    #expect(text.contains("A  One Belt, One Road"))
    #expect(text.contains("2016  B █"))
    #expect(text.contains("Switch: \"One Belt, One Road\" -> \"the Belt and Road Initiative\""))
    let svg = HistoryChart.svg(h)
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("the Belt and Road Initiative (preferred)"))
    #expect(svg.contains("stroke-dasharray"))
  }

  @Test func chartsAreValidXMLEvenWithControlCharacters() {
    let odd = entry("R&D <cooperation>\u{1}", .preferred, ["2016-01-22-d"])
    let svg = HistoryChart.svg(TermHistory(source: "一带一路", entries: [odd]))
    #expect(svg.contains("R&amp;D &lt;cooperation&gt;\u{FFFD} (preferred)"))
    #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
  }

  @Test func conceptIsFoundByEitherLanguage() throws {
    let g = Glossary(sourceLanguage: "zh", targetLanguage: "en", entries: [
      GlossaryEntry(source: "人类命运共同体", target: "a community with a shared future for humanity", status: .preferred),
      GlossaryEntry(source: "人类命运共同体", target: "a community with a shared future for mankind", status: .superseded),
      GlossaryEntry(source: "务实合作", target: "practical cooperation", status: .preferred),
    ])
    let keys = try LookupKeys()
    #expect(g.concept(matching: "人類命運共同體", keys: keys)?.entries.count == 2)
    #expect(g.concept(matching: "Community With A Shared Future For Mankind", keys: keys)?.source == "人类命运共同体")
    #expect(g.concept(matching: "nothing", keys: keys) == nil)
  }
}
