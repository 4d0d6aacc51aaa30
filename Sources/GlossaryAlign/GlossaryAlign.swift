/*!
 GlossaryAlign: alignment of two language versions of a document.

 - Sentence alignment (`SentenceAlign/`): `SentenceAligner` finds beads
   (1-1, 1-2, 2-1, ... 1-0, 0-1) by dynamic programming in a band around the
   diagonal; cost = Gale-Church length term (ratio and variance estimated on
   the document pair) + lexical evidence, then a second pass with a
   document-level translation table learned from confident beads.
 - Lexical evidence (`Lexical/`): `TranslationLexicon`, source match key ->
   target word ids, from CC-CEDICT glosses and glossary term pairs; shared
   with the word aligner.
 - Word alignment (`WordAlign/`): see the word aligner's files.

 ```swift
 let aligner = try SentenceAligner(sourceLanguage: Language("zh"), targetLanguage: Language("en"))
 let result = try aligner.align(source: zhSentences, target: enSentences)
 for bead in result.beads { print(bead.vecalignLine) }
 ```
 */
