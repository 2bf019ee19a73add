// Statements that every request for disclosure received this year was finished: "均已办结",
// "已全部办结", "全部按期办结", "均在法定期限内办结", "办结率100%". Read so that text-vs-table can hold
// them against 表三 四、结转下年度继续办理: a request carried into next year is not finished.
//
// Narrow on purpose (a false alarm costs as much as a miss):
// - only 办结 / 办理完毕 / 处理完毕: "均在法定期限内（予以）答复" says the answers given were on time,
//   not that none is pending (a report may answer 805 on time and carry 72 over);
// - only about 依申请公开 requests: the nearest subject named before the claim (in its sentence,
//   else in the sentence before it, such as the sub-heading "（二）依申请公开") must be 申请, not
//   行政复议, 诉讼, 信访, 热线, 办件, 事项 …;
// - only in 一、总体情况 and 三 (五 and 六 hold plans: "确保全部按期办结");
// - not a subset or last year's requests ("其余均已办结", "除结转的2件外…", "上年结转的申请均已办结"),
//   nor a sentence that itself speaks of requests carried over or still being handled;
// - not a goal ("确保…全部办结", "力争…办结率100%") nor a negation ("未全部办结").
import type { Report } from '../model';
import type { Span } from '../types';
import { Attached } from './attached';
import { sentencesOf, type Sentences } from './narrative';

export interface FinishedClaim extends Span {
  /** The claim as written, from 全部/均 to 办结 ("均已按期办结", "办结率100%"). */
  phrase: string;
}

const CLAIMS = new Attached<Report, FinishedClaim[]>('finished-claims');

export function finishedClaimsOf(report: Report): FinishedClaim[] {
  return CLAIMS.of(report, () => readClaims(report, sentencesOf(report)));
}

/**
 * "全部/均/都 … 办结" within a clause (at most 20 characters between: "均严格按照相关规定在法定期限内依法办结"),
 * "已全部办结", "办结率100%". Bounded gaps keep the scan linear.
 */
const CLAIM = /(?:已经?)?(?:全部|均|都|悉数|一律)[^,，。;；:：]{0,20}?(?:办结|办理完毕|处理完毕)|办结率(?:为|达到?|是)?100(?:\.0+)?%/g;
/** Inside a claim: a negation ("均未办结"), ability ("均可在30分钟内办结"), a duty or a plan ("均须办结"). */
const NOT_A_CLAIM = /未|没有|不能|无法|^(?:已经?)?(?:全部|均|都|悉数|一律)可|能够|需要|应当|应该|必须|须|将/;
/** Right before a claim: its negation ("未全部办结", "并非均已办结"). */
const NEGATED = /(?:未|没有|尚未|不能|无法|并非|并未|不是|不)$/;
/** Before a claim in its clause: a goal ("确保…全部办结"). */
const GOAL = /确保|力争|争取|保证|必须|务必|应当|目标/;
/** Before 办结率: the rate of being finished on time, not of being finished ("按时办结率100%"). */
const RATE_OF_TIMELINESS = /(?:按时|按期|限时|及时|准时)$/;
/**
 * A subset, last year's requests, or a sentence that itself says requests are still pending
 * ("其余均已办结", "除结转的2件外", "上年结转的申请均已办结", "3件正在办理").
 */
const SUBSET_OR_PENDING = /其余|其他[0-9]+件|除[^，,。]{0,20}外|上年|去年|上一年|往年|结转|顺延|下年度|下一年度|继续办理|正在办理|尚未办结|未办结|办理中/;

/** The subjects a claim may be about; the last one named before it decides. */
const SUBJECT = /申请|复议|诉讼|起诉|案件|提案|建议|诉求|留言|信访|投诉|举报|咨询|热线|工单|办件|事项|来信|许可|审批/g;

/** Whether the last subject named in `text` is a request for disclosure (null when none is named). */
function lastSubjectIsRequest(text: string): boolean | null {
  let last: RegExpExecArray | null = null;
  SUBJECT.lastIndex = 0;
  for (let m = SUBJECT.exec(text); m; m = SUBJECT.exec(text)) last = m;
  if (!last) return null;
  // "行政复议申请", "复议的申请": a request for review, not for disclosure.
  return last[0] === '申请' && !/复议的?$|许可的?$/.test(text.slice(Math.max(0, last.index - 3), last.index));
}

/** How far back from a claim its clause and its subject are looked for (bounded: one sentence may be huge). */
const REACH = 120;

/** Start of the clause that ends at the end of `text` (after its last ，；：). */
function clauseStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (',，;；:：'.includes(text[i])) return i + 1;
  return 0;
}

function readClaims(report: Report, sentences: Sentences): FinishedClaim[] {
  const out: FinishedClaim[] = [];
  for (const i of candidates(sentences)) {
    const key = sentences.sectionKey(i);
    if ((key !== 's1' && key !== 's3') || sentences.isHeading(i)) continue;
    const text = sentences.text(i);
    if (SUBSET_OR_PENDING.test(text)) continue;
    // The sentence before (same section): its subject, read once, for a claim whose own sentence names none.
    let previous: boolean | null | undefined;
    CLAIM.lastIndex = 0;
    for (let m = CLAIM.exec(text); m; m = CLAIM.exec(text)) {
      if (NOT_A_CLAIM.test(m[0])) continue;
      const before = text.slice(Math.max(0, m.index - REACH), m.index);
      if (NEGATED.test(before) || GOAL.test(before.slice(clauseStart(before)))) continue;
      if (m[0].startsWith('办结率') && RATE_OF_TIMELINESS.test(before)) continue;
      let isRequest = lastSubjectIsRequest(before);
      if (isRequest === null) {
        if (previous === undefined) {
          const p = i - 1;
          previous = p >= 0 && sentences.sectionIndex(p) === sentences.sectionIndex(i) ? lastSubjectIsRequest(sentences.text(p).slice(-REACH)) : null;
        }
        isRequest = previous;
      }
      if (!isRequest) continue;
      const start = sentences.start(i) + m.index;
      out.push({ start, end: start + m[0].length, phrase: report.text.slice(start, start + m[0].length) });
    }
  }
  return out;
}

/** Indices of the sentences that hold 办结 or 完毕, in order, each once. */
function candidates(sentences: Sentences): number[] {
  const a = sentences.holding('办结');
  const b = sentences.holding('完毕');
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length || y < b.length) {
    const next = y >= b.length || (x < a.length && a[x] <= b[y]) ? a[x++] : b[y++];
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}
