/// Closed-class words at the edges of a formulation, per language: short lists of
/// particles, conjunctions, prepositions, pronouns, reporting verbs (never at an edge) and
/// of clause verbs and adverbs that open a collocation (加强 + 战略沟通, 不断 + 深化): those
/// may start a formulation only when the corpus shows the whole string is fixed (高度评价,
/// 致贺电), and never end one. Not a stoplist for search and no list of terms.
public enum EdgeWords {
  /// Articles, which may precede a term without being part of it.
  public static func articles(for language: String) -> Set<String> {
    switch base(language) {
    case "en": return ["the", "a", "an"]
    case "fr": return ["le", "la", "les", "l'", "un", "une", "des"]
    case "de": return ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer"]
    case "es": return ["el", "la", "los", "las", "un", "una"]
    default: return []
    }
  }

  /// Words that may start a term but not end one (postpositions: 会谈后, 贺电中, 访问期间).
  public static func notFinal(for language: String) -> Set<String> {
    base(language) == "zh" ? ["中", "后", "前", "上", "下", "里", "内", "外", "期间", "时", "以来", "之际", "之间", "方面"] : []
  }

  /// Words that may end a term but not start one (方 of a cut 中方 / 老方).
  public static func notInitial(for language: String) -> Set<String> {
    base(language) == "zh" ? ["方", "国", "党"] : []
  }

  /// Clause verbs and adverbs that open collocations rather than terms.
  public static func openers(for language: String) -> Set<String> {
    switch base(language) {
    case "zh":
      return [
        "加强", "深化", "推动", "推进", "扩大", "保持", "维护", "践行", "坚持", "支持", "积极", "坚定", "奉行", "举行", "进行",
        "达成", "促进", "实现", "开展", "拓展", "落实", "共同", "继续", "愿同", "愿", "高度", "主持", "发表", "签署", "出席",
        "构建", "建设", "打造", "弘扬", "巩固", "提升", "携手", "欢迎", "感谢", "祝贺", "致", "就", "不断", "进一步", "增进",
        "深入", "充分", "大力", "密切", "切实", "全力", "持续", "努力", "致力于", "一道", "相互", "彼此",
      ]
    case "en":
      return ["strengthen", "deepen", "promote", "advance", "expand", "maintain", "uphold", "support", "build", "hold", "held",
              "further", "continue", "continuously", "actively", "jointly", "firmly"]
    default:
      return []
    }
  }

  /// Function words: never at either edge of a term.
  public static func words(for language: String) -> Set<String> {
    switch base(language) {
    case "zh":
      return [
        "的", "了", "和", "与", "及", "并", "在", "是", "对", "把", "将", "为", "以", "于", "等", "同", "也", "都",
        "而", "或", "向", "从", "这", "那", "其", "之", "各", "一", "个", "我们", "他们", "你们", "我", "他", "她", "它",
        "要", "能", "已", "已经", "正在", "还", "又", "再", "更", "很", "最", "不", "没有",
        "年", "月", "日", "时", "表示", "指出", "强调", "说", "认为", "希望", "愿意", "同意", "以及", "并且", "但", "但是",
        "此", "该", "所", "着", "过", "地", "得", "吗", "呢", "啊", "方面", "有关", "同时", "通过", "根据",
        "作为", "按照", "关于", "给", "被", "让", "使", "由", "从而", "因此", "如果", "虽然", "即", "均", "亦",
      ]
    case "en":
      return [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "is", "are",
        "was", "were", "be", "been", "being", "this", "that", "these", "those", "it", "its", "their", "his", "her",
        "our", "we", "they", "he", "she", "will", "would", "shall", "should", "can", "could", "may", "might", "also",
        "not", "no", "but", "which", "who", "whom", "whose", "than", "then", "there", "here", "has", "have", "had",
        "said", "says", "both", "all", "more", "most", "very", "so", "such", "into", "over", "under", "between",
        "s", "'s", "'", "\"", "well", "ready", "stands",
      ]
    case "fr":
      return ["le", "la", "les", "l'", "un", "une", "des", "de", "du", "d'", "et", "ou", "à", "au", "aux", "en", "pour",
              "par", "avec", "sur", "dans", "est", "sont", "a", "ont", "ce", "cette", "ces", "qui", "que", "se", "sa", "son", "ses"]
    case "ru":
      return ["и", "в", "во", "на", "с", "со", "по", "к", "о", "об", "от", "до", "для", "за", "из", "что", "это", "как",
              "не", "а", "но", "или", "же", "бы", "ли", "его", "ее", "их"]
    default:
      return []
    }
  }

  private static func base(_ language: String) -> String { String(language.prefix { $0 != "-" && $0 != "_" }) }
}

/// What a mining unit's position in its word says about where a formulation may start or
/// end: bits per unit, computed once at tokenization from the word (ICU word or known term)
/// the unit belongs to. A unit is a word, or one character of an unspaced-script word that
/// no lexicon or glossary knows (see `PreparedCorpus`).
public struct UnitFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// The unit starts / ends its word.
  public static let wordStart = UnitFlags(rawValue: 1 << 0)
  public static let wordEnd = UnitFlags(rawValue: 1 << 1)
  /// The unit starts / ends a function word (`EdgeWords.words`).
  public static let functionStart = UnitFlags(rawValue: 1 << 2)
  public static let functionEnd = UnitFlags(rawValue: 1 << 3)
  /// The unit starts / ends an opener (`EdgeWords.openers`).
  public static let openerStart = UnitFlags(rawValue: 1 << 4)
  public static let openerEnd = UnitFlags(rawValue: 1 << 5)
  /// The unit ends a word that may not end a term / starts one that may not start it.
  public static let notFinal = UnitFlags(rawValue: 1 << 6)
  public static let notInitial = UnitFlags(rawValue: 1 << 7)

  /// The flags of a word's first and last units, from its match key.
  public struct Classifier: Sendable {
    let function: Set<String>, openers: Set<String>, notFinal: Set<String>, notInitial: Set<String>

    public init(language: String) {
      function = EdgeWords.words(for: language)
      openers = EdgeWords.openers(for: language)
      notFinal = EdgeWords.notFinal(for: language)
      notInitial = EdgeWords.notInitial(for: language)
    }

    public func flags(ofWord key: String) -> (first: UnitFlags, last: UnitFlags) {
      var first: UnitFlags = .wordStart, last: UnitFlags = .wordEnd
      if function.contains(key) { first.insert(.functionStart); last.insert(.functionEnd) }
      if openers.contains(key) { first.insert(.openerStart); last.insert(.openerEnd) }
      if notFinal.contains(key) { last.insert(.notFinal) }
      if notInitial.contains(key) { first.insert(.notInitial) }
      return (first, last)
    }
  }
}
