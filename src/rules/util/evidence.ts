/**
 * Evidence that a part of the plan says how to tell the work is done, in any language: words that
 * state a result (English and the languages real plans use), and language-neutral signs (a number
 * with its unit, a comparison, an arrow from an action to its effect, a labelled list of criteria).
 */
import type { PlanLine } from './text.js';

/** Words and signs that state a result a person can observe. */
export const RESULT_WORDS =
  /\b(?:expect(?:s|ed|ing)?|should|must|will (?:see|show|print|return|display|pass|fail|succeed|report|list|contain|exit|be|have|no longer|stay|keep|update)|returns?|prints?|outputs?|shows?|displays?|reports?|passe[sd]|pass(?:ing)?|succeed(?:s|ed)?|fails?|exit(?:s)? (?:code|with|0|1|non-zero|zero)|status|responds?|see(?:s)?|observ(?:e|es|ed|able)|appears?|contains?|renders?|produces?|writes|creates|generates|accept(?:ed|s)?|verif(?:y|ies|ied)|confirm(?:s|ed)?|prove[sn]?|green|updates|snaps?|moves?|disappears?|no longer|is (?:shown|visible|hidden|disabled|enabled|empty|cleared|saved|restored|removed)|are (?:shown|visible|hidden|disabled|enabled|cleared|saved|restored|removed))\b|=>|->|→|✅|预期|期望|应该|应当|应|必须|成功|通过|返回|输出|显示|不再|可以看到|期待|確認|成功|表示され|返す|出力|通る|debe(?:n|r[ií]a)?|esperad[oa]s?|resultado|muestra|devuelve|funciona|deve(?:m|ria)?|mostra|retorna|doit|doivent|devrait|attendu|résultat|affiche|renvoie|réussit|soll(?:te|en)?|erwartet|ergebnis|zeigt|liefert|besteht|должн[аоы]?|ожида|результат|показыва|возвраща|проход|успешн/i;

// A number with its unit (`under 200 ms`, `at least 10G free`, `95%`), or a comparison (`>= 3`, `≤ 1 s`).
const MEASURE = /\d\s?(?:ms|µs|ns|s|sec|secs|seconds?|min|minutes?|h|hours?|[KMGT]i?B|[KMGT]|fps|px|rps|qps|req\/s|x|×)(?![\p{L}\p{N}])|\d\s?%|(?:>=|<=|≥|≤|==|!=)\s*\d/u;

// A lead-in that introduces criteria ("Requirements:", "Done when:", "验收：", "Criterios de aceptación:").
const CRITERIA_LEAD =
  /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:requirements?|acceptance(?: criteria)?|criteria|exit criteria|success criteria|done when|definition of done|expected(?: results?| behaviou?r| output)?|expectations?|verification|checks?|proof|outcomes?|验收(?:标准)?|完成标准|预期(?:结果)?|期望|受け入れ基準|完了条件|期待(?:される)?結果|criterios?(?: de (?:aceptación|salida|éxito))?|resultado esperado|critérios?(?: de aceitação)?|critères?(?: d'acceptation)?|résultat attendu|abnahmekriterien|akzeptanzkriterien|erwartetes ergebnis|критерии(?: приёмки| готовности)?|ожидаемый результат)(?:\*\*|__)?\s*[:：]/i;

/** Whether a text states a result: result words in any supported language, a measured value or a comparison. */
export function statesResult(text: string): boolean {
  return RESULT_WORDS.test(text) || MEASURE.test(text);
}

/** Whether some lines hold a labelled list of criteria: a lead-in such as "Requirements:" with a list under it. */
export function listsCriteria(lines: readonly PlanLine[]): boolean {
  // The criteria follow the label on its line ("Done when: the report lists …") or in a list below it.
  const listed = (i: number) => lines.slice(i + 1, i + 4).some((n) => /^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(n.text));
  return lines.some((l, i) => l.kind === 'prose' && CRITERIA_LEAD.test(l.text) && (/[:：]\s*\S/.test(l.text) || listed(i)));
}
