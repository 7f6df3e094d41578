package dev.sqlstudy.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code report.md}: the same figures as the HTML report, as tables. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(Results r) {
        StringBuilder md = new StringBuilder();
        md.append("# sqlstudy — performance comparison\n\n");
        md.append(Report.summary(r)).append("\n\n");
        answers(md, r);
        if (r.settings().forks() == 0) {
            md.append("> ").append(Report.IN_PROCESS_WARNING).append("\n\n");
        }
        md.append("Command: `").append(r.settings().command()).append("`\n\n");

        md.append("## Goals\n\n").append(Report.GOALS_INTRO).append("\n\n");
        Report.sweepOnlyNote(r).ifPresent(note -> md.append(note).append("\n\n"));
        md.append("| Goal | Database | Target | Measured | Verdict | Why (measured) |\n|---|---|---|---|---|---|\n");
        for (Results.Goal g : r.goals()) {
            md.append("| ").append(cell(g.text())).append(" | ").append(Report.dbLabel(r, g.db())).append(" | ")
                    .append(cell(g.target())).append(" | ").append(cell(g.measured())).append(" | **")
                    .append(g.verdict()).append("**").append(g.withinError() ? " (within error)" : "").append(" | ")
                    .append(cell(g.why())).append(" |\n");
        }
        if (r.goals().isEmpty()) {
            md.append("| no database was measured | | | | | |\n");
        }
        md.append('\n');
        remoteHits(md, r);
        mysqlVsMariaDb(md, r);
        cacheGuarantees(md, r);

        for (Results.DatabaseInfo db : r.databases()) {
            if (!db.available()) {
                continue;
            }
            md.append("## ").append(db.label()).append(" (`").append(db.spec()).append("`)\n\n");
            md.append(db.version()).append(". Ratios are against jdbc/none on this database in this run; ")
                    .append("below 1× is faster.\n\n");
            Map<String, List<Results.Measurement>> byWorkload = r.measurements().stream()
                    .filter(m -> db.spec().equals(m.db()))
                    .collect(Collectors.groupingBy(m -> m.workload() + "|" + m.title(), LinkedHashMap::new, Collectors.toList()));
            for (List<Results.Measurement> rows : byWorkload.values()) {
                Results.Measurement first = rows.get(0);
                md.append("### ").append(first.title()).append(" — `").append(first.workload()).append("`\n\n");
                table(md, r, rows, true);
            }
        }
        md.append(Scaling.markdown(r));
        List<Results.Measurement> baselines = r.measurements().stream().filter(m -> m.db() == null).toList();
        if (!baselines.isEmpty()) {
            md.append("## Baselines (no database, no repository)\n\n");
            table(md, r, baselines, false);
        }

        md.append("## Environment\n\n| | |\n|---|---|\n");
        for (Map.Entry<String, String> e : Report.environment(r).entrySet()) {
            md.append("| ").append(e.getKey()).append(" | ").append(cell(e.getValue())).append(" |\n");
        }
        md.append('\n');

        md.append("## Left out\n\n");
        for (Results.DatabaseInfo db : r.databases()) {
            if (!db.available()) {
                md.append("- database `").append(db.spec()).append("`: ").append(db.reason()).append('\n');
            }
        }
        if (r.memcached() != null && !r.memcached().available()) {
            md.append("- memcached: ").append(r.memcached().reason()).append('\n');
        }
        if (r.redis() != null && r.redis().servers() != null && !r.redis().available()) {
            md.append("- redis: ").append(r.redis().reason()).append('\n');
        }
        for (Results.Dropped d : r.dropped()) {
            md.append("- ").append(Report.dbLabel(r, d.db())).append(" ").append(d.impl()).append('/').append(d.cache())
                    .append(": ").append(d.reason()).append('\n');
        }
        for (Results.Failure f : r.failures()) {
            md.append("- FAILED ").append(f.benchmark()).append(' ').append(f.params()).append(": ")
                    .append(f.message()).append('\n');
        }
        md.append('\n').append("## How to read this\n\n").append(Report.howToRead(r)).append('\n');
        return md.toString();
    }

    private static void answers(StringBuilder md, Results r) {
        List<String> sentences = Answers.sentences(r);
        if (sentences.isEmpty()) {
            return;
        }
        md.append("## The answers\n\n");
        sentences.forEach(a -> md.append("- ").append(a).append('\n'));
        md.append('\n').append(Answers.NOTE).append(" The HTML report draws them.\n\n");
    }

    private static void remoteHits(StringBuilder md, Results r) {
        List<Report.RemoteRow> rows = Report.remoteHits(r);
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Where a remote hit's time goes\n\n").append(Report.REMOTE_HITS_INTRO).append(' ')
                .append(Report.remoteHitsRun(r)).append("\n\n")
                .append("| Call | mean ± error | p50 | CPU/call: calling thread | client I/O thread | whole JVM | bytes/op |\n")
                .append("|---|--:|--:|--:|--:|--:|--:|\n");
        for (Report.RemoteRow row : rows) {
            Results.Measurement m = row.m();
            Results.CpuPerOp cpu = m.cpu();
            md.append("| ").append(cell(row.label())).append(" | ").append(Report.meanCell(m)).append(" | ")
                    .append(Units.time(m.p50())).append(" | ").append(Report.cpu(cpu == null ? null : cpu.caller()))
                    .append(" | ").append(Report.cpu(cpu == null ? null : cpu.clientIo())).append(" | ")
                    .append(Report.cpu(cpu == null ? null : cpu.process())).append(" | ").append(Report.bytes(m))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static void mysqlVsMariaDb(StringBuilder md, Results r) {
        List<Report.ServerRow> rows = Report.mysqlVsMariaDb(r);
        if (rows.isEmpty()) {
            return;
        }
        md.append("## MySQL vs MariaDB\n\n").append(Report.MYSQL_VS_MARIADB_INTRO).append("\n\n")
                .append("| Workload | Stack | MariaDB mean | vs jdbc/none | MySQL mean | vs jdbc/none | MySQL ÷ MariaDB |\n")
                .append("|---|---|--:|--:|--:|--:|--:|\n");
        for (Report.ServerRow row : rows) {
            md.append("| ").append(cell(row.title())).append(" | ").append(row.stack()).append(" | ")
                    .append(Report.meanCell(row.mariaDb())).append(" | ").append(Report.ratio(row.mariaDb())).append(" | ")
                    .append(Report.meanCell(row.mySql())).append(" | ").append(Report.ratio(row.mySql())).append(" | ")
                    .append(Units.ratio(row.mySqlOverMariaDb())).append(" |\n");
        }
        md.append('\n');
    }

    private static void cacheGuarantees(StringBuilder md, Results r) {
        List<Integer> columns = CacheGuarantees.measured(r);
        if (columns.isEmpty()) {
            return;
        }
        md.append("## What each cache guarantees\n\n").append(CacheGuarantees.LEGEND).append("\n\n| Rule |");
        columns.forEach(c -> md.append(' ').append(CacheGuarantees.COLUMNS.get(c).header()).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size())).append('\n');
        for (CacheGuarantees.Rule rule : CacheGuarantees.RULES) {
            md.append("| ").append(rule.rule()).append(" |");
            columns.forEach(c -> md.append(' ').append(CacheGuarantees.withoutLinks(rule.cells().get(c))).append(" |"));
            md.append('\n');
        }
        md.append('\n').append(CacheGuarantees.note(r)).append("\n\n");
    }

    private static void table(StringBuilder md, Results r, List<Results.Measurement> rows, boolean stacks) {
        md.append(stacks
                ? "| Stack | ops/s | mean ± error | per row | p50 | p90 | p99 | p99.9 | bytes/op | statements/op "
                  + "| cache hit ratio | vs jdbc/none |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n"
                : "| Baseline | ops/s | mean ± error | p50 | p90 | p99 | p99.9 | bytes/op |\n"
                  + "|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (Results.Measurement m : rows) {
            md.append("| ").append(stacks ? m.rowLabel() : m.title()).append(" | ").append(Units.rate(m.opsPerSecond()))
                    .append(" | ").append(Report.meanCell(m));
            if (stacks) {
                md.append(" | ").append(m.rowsPerOp() > 1 ? Units.time(m.nsPerRow()) : "");
            }
            md.append(" | ").append(Report.percentile(r, m, m.p50())).append(" | ").append(Report.percentile(r, m, m.p90()))
                    .append(" | ").append(Report.percentile(r, m, m.p99())).append(" | ")
                    .append(Report.percentile(r, m, m.p999())).append(" | ").append(Report.bytes(m));
            if (stacks) {
                md.append(" | ").append(m.statementsPerOp() == null ? "—" : Units.perOp(m.statementsPerOp()))
                        .append(" | ").append(Report.hitRatio(m))
                        .append(" | ").append(Report.ratio(m));
            }
            md.append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(String s) {
        return s == null ? "—" : s.replace("|", "\\|").replace("\n", " ");
    }
}
