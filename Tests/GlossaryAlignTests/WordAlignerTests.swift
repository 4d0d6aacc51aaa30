import Foundation
import GlossaryText
import Testing

@testable import GlossaryAlign

/// A tiny zh-en corpus where the right links are obvious: subject verb object, both monotone.
func toyCorpus() -> WordAlignCorpus {
  let subjects = [("中国", "china"), ("美国", "america"), ("日本", "japan")]
  let verbs = [("支持", "supports"), ("反对", "opposes")]
  let objects = [("和平", "peace"), ("合作", "cooperation"), ("战争", "war")]
  var corpus = WordAlignCorpus()
  for s in subjects {
    for v in verbs {
      for o in objects { corpus.append(source: [s.0, v.0, o.0], target: [s.1, v.1, o.1]) }
    }
  }
  return corpus
}

func toyOptions() -> WordAlignOptions {
  var o = WordAlignOptions()
  o.model1Iterations = 5
  o.hmmIterations = 5
  return o
}

@Suite struct WordAlignerTests {
  @Test func learnsObviousLinks() {
    let aligner = WordAligner(corpus: toyCorpus(), options: toyOptions())
    aligner.train()
    for p in [0, 7, 17] {
      #expect(aligner.links(pair: p) == [AlignmentLink(source: 0, target: 0), AlignmentLink(source: 1, target: 1),
                                          AlignmentLink(source: 2, target: 2)])
    }
    let c = aligner.corpus
    let china = c.sourceVocabulary.existingID("中国")!, chinaEn = c.targetVocabulary.existingID("china")!
    let war = c.targetVocabulary.existingID("war")!
    #expect(aligner.forwardProbability(source: china, target: chinaEn) > 0.5)
    #expect(aligner.forwardProbability(source: china, target: war) < 0.1)
    #expect(aligner.reverseProbability(source: china, target: chinaEn) > 0.5)
    #expect(aligner.bestTargets(source: china).first?.target == chinaEn)
  }

  @Test func allLinksMatchesPerPairLinksOnTwoThreads() {
    var options = toyOptions()
    options.threads = 2
    let aligner = WordAligner(corpus: toyCorpus(), options: options)
    aligner.train()
    let all = aligner.allLinks()
    #expect(all.count == 18)
    for p in 0..<18 { #expect(all[p] == aligner.links(pair: p)) }
  }

  @Test func priorResolvesWordsThatAlwaysCoOccur() {
    // 北京 and 中国 always appear together, in crossed order: only the prior can tell them apart.
    var corpus = WordAlignCorpus()
    for _ in 0..<6 { corpus.append(source: ["中国", "北京"], target: ["beijing", "china"]) }
    let aligner = WordAligner(corpus: corpus, options: toyOptions(),
                              priors: [LexicalPrior(source: "北京", target: "beijing"), LexicalPrior(source: "中国", target: "china")])
    aligner.train()
    #expect(aligner.links(pair: 0) == [AlignmentLink(source: 0, target: 1), AlignmentLink(source: 1, target: 0)])
  }

  @Test func directionalLinksFromAveragedPosteriorsAreFunctionsAboveTheThreshold() {
    var corpus = toyCorpus()
    corpus.append(source: ["中国", "支持", "和平"], target: ["china", "the", "supports", "peace"])
    let diagonal = [AlignmentLink(source: 0, target: 0), AlignmentLink(source: 1, target: 1),
                    AlignmentLink(source: 2, target: 2)]
    var options = toyOptions()
    #expect(options.averagedDirectionalThreshold == 0.4)
    let averaged = WordAligner(corpus: corpus, options: options)
    averaged.train()
    let d = averaged.directionalLinks(pair: 0)
    #expect(d.forward == diagonal && d.reverse == diagonal)
    let extra = averaged.directionalLinks(pair: 18)
    #expect(Set(extra.forward.map(\.target)).count == extra.forward.count)   // one source per target word
    #expect(Set(extra.reverse.map(\.source)).count == extra.reverse.count)   // one target per source word
    options.averagedDirectionalThreshold = 1.01   // a mean posterior never reaches it
    let none = WordAligner(corpus: corpus, options: options)
    none.train()
    #expect(none.links(pair: 0).isEmpty)
    options.averagedDirectionalThreshold = nil    // each direction against posteriorThreshold
    let plain = WordAligner(corpus: corpus, options: options)
    plain.train()
    #expect(plain.links(pair: 0) == diagonal)
  }

  @Test func emptySidesGiveNoLinks() {
    var corpus = toyCorpus()
    corpus.append(source: [], target: ["peace"])
    corpus.append(source: ["和平"], target: [])
    let aligner = WordAligner(corpus: corpus, options: toyOptions())
    aligner.train()
    #expect(aligner.links(pair: 18).isEmpty && aligner.links(pair: 19).isEmpty)
  }

  @Test func vocabularyInternsKeys() {
    let v = WordVocabulary()
    let a = v.id("china"), b = v.id("peace")
    #expect(v.id("china") == a && a != b && v.count == 2)
    #expect(v.key(b) == "peace" && v.existingID("war") == nil)
    #expect(v.id(ArraySlice(Array("xchina".utf16)).dropFirst()) == a)
  }

  @Test func tokenizerMergesLexiconWordsAndSplitsUnknownOnes() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("walign-\(UUID().uuidString).u8").path
    try "外交部 外交部 [wai4 jiao1 bu4] /Ministry of Foreign Affairs/\n".write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let lexicon = try Lexicon.load(path: path)
    let zh = try WordAlignTokenizer(language: Language("zh"), lexicon: lexicon)
    let v = WordVocabulary()
    let ids = try zh.tokenize("外交部发言人", into: v)
    #expect(v.key(ids[0]) == "外交部")
    // 发言人 is no headword here: characters.
    #expect(ids.dropFirst().map { v.key($0) } == ["发", "言", "人"])
    let en = try WordAlignTokenizer(language: Language("en"))
    let e = try en.tokenize("The Ministries reiterated, held talks", into: v)
    #expect(e.map { v.key($0) } == ["the", "ministry", "reiterate", ",", "hold", "talk"])
  }

  @Test func tokenizerWithoutLexiconSplitsHanWordsButKeepsTerms() throws {
    let zh = try WordAlignTokenizer(language: Language("zh"), terms: ["外交部"])
    let v = WordVocabulary()
    let ids = try zh.tokenize("外交部发言人说", into: v)
    #expect(ids.map { v.key($0) } == ["外交部", "发", "言", "人", "说"])
    let plain = try WordAlignTokenizer(language: Language("zh"))
    #expect(try plain.tokenize("外交部2024年", into: v).map { v.key($0) } == ["外", "交", "部", "2024", "年"])
    plain.characterFallback = false
    #expect(try plain.tokenize("外交部", into: v).count < 3)
  }

  @Test func lexiconGlossesBecomeContentWordPriors() throws {
    #expect(WordAlignPriors.words(ofGloss: "Ministry of Foreign Affairs (PRC)") == ["ministry", "foreign", "affairs"])
    #expect(WordAlignPriors.words(ofGloss: "CL:個|个[ge4]").isEmpty)
    #expect(WordAlignPriors.words(ofGloss: "to reiterate; to restate") == ["reiterate", "restate"])
    // One gloss stopword list: conventions and untranslated words go, pronouns and modals stay.
    #expect(WordAlignPriors.words(ofGloss: "to help sb do sth") == ["help", "do"])
    #expect(WordAlignPriors.words(ofGloss: "a kind of tea") == ["tea"])
    #expect(WordAlignPriors.words(ofGloss: "will; shall; I; me") == ["will", "shall", "me"])
    // One letter of a spaced script is no word; one Han character is.
    #expect(Gloss.contentWords("x; 万; é; ten thousand") == ["万", "ten", "thousand"])
  }

  @Test func pharaohFormatAndParse() {
    let links = [AlignmentLink(source: 0, target: 1), AlignmentLink(source: 2, target: 0)]
    #expect(Pharaoh.format(links) == "0-1 2-0")
    #expect(Pharaoh.format([]) == "")
    #expect(Pharaoh.parse("0-1 2-0") == links)
    #expect(Pharaoh.parse("0-1 2-0-P") == links)
    #expect(Pharaoh.parse("0-x") == nil)
  }

  @Test func mismatchedSidesThrowInsteadOfTrapping() throws {
    let zh = try Language("zh"), en = try Language("en")
    let job = WordAlignJob(source: ["中国", "美国"], target: ["China"], sourceLanguage: zh, targetLanguage: en)
    #expect(throws: WordAlignError.lineCountMismatch(sourcePath: "source", sourceLines: 2, targetPath: "target", targetLines: 1)) {
      try job.prepare()
    }
    var training = WordAlignJob(source: ["中国"], target: ["China"], sourceLanguage: zh, targetLanguage: en)
    training.trainSource = ["美国"]
    #expect(throws: WordAlignError.self) { try training.prepare() }
  }
}
