import { eventKinds, ipTypes, labelOf, riskLevels } from '@yuanzhi/contracts';
import type { ScreeningFinding } from '../../platform/tables.ts';
import type { EventRow } from './events.repository.ts';

/** A risk screening's findings as a short printable report (HTML, Chinese first). Everything interpolated is escaped. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function screeningReportHtml(e: EventRow, s: { screened_on: string; scope: string; findings: ScreeningFinding[]; conclusion: string }): string {
  const count = (lv: string) => s.findings.filter((f) => f.level === lv).length;
  const rows = s.findings
    .map((f, i) => `<tr><td>${i + 1}</td><td>${esc(f.exhibitor)}</td><td>${esc(f.booth ?? '')}</td><td>${esc(labelOf(ipTypes, f.ipType))}</td><td class="lv-${f.level}">${esc(labelOf(riskLevels, f.level))}</td><td>${esc(f.note)}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>知识产权风险排查报告 · ${esc(e.name)}</title>
<style>body{font-family:"Noto Serif SC",serif;max-width:800px;margin:24px auto;padding:0 16px;color:#222}h1{text-align:center;font-size:22px}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border:1px solid #999;padding:4px 6px;text-align:left}.lv-high{color:#b00;font-weight:bold}
.meta td:first-child{width:8em;background:#f5f5f5}p{line-height:1.7}</style></head><body>
<h1>展会知识产权风险排查报告<br><small>IP risk screening report</small></h1>
<table class="meta"><tr><td>活动</td><td>${esc(e.name)}（${esc(labelOf(eventKinds, e.kind))}）</td></tr>
<tr><td>时间地点</td><td>${e.starts_on} 至 ${e.ends_on}，${esc(e.venue)}</td></tr><tr><td>主办方</td><td>${esc(e.organiser)}</td></tr>
<tr><td>排查机构</td><td>${esc(e.institution_name)}</td></tr><tr><td>排查日期</td><td>${s.screened_on}</td></tr>
<tr><td>排查范围</td><td>${esc(s.scope)}</td></tr></table>
<h2>一、排查发现 Findings</h2><p>共发现风险 ${s.findings.length} 项，其中高风险 ${count('high')} 项、中风险 ${count('medium')} 项、低风险 ${count('low')} 项。</p>
${s.findings.length ? `<table><tr><th>序号</th><th>参展单位</th><th>展位</th><th>权利类型</th><th>风险等级</th><th>说明</th></tr>${rows}</table>` : '<p>未发现风险。No risk found.</p>'}
<h2>二、结论与建议 Conclusion</h2><p>${esc(s.conclusion).replace(/\n/g, '<br>')}</p></body></html>`;
}
