import io.purplejo.dns.progress.RunProgress;
import io.purplejo.dns.progress.RunProgressQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Benchmark helper: times the operator's progress query (RunProgressQuery, which sums the run's
 * sharded counters) for a run, side by side with the reference it replaces: counting the run's
 * per-domain outcome rows. Prints "progress_ms MEDIAN P99 count_ms MEDIAN P99 DONE". Run with the
 * publisher jar on the class path:
 *   java -cp publisher-image/target/dns-publisher.jar bench/ProgressProbe.java JDBC_URL RUN_NAME N
 */
public class ProgressProbe {
    public static void main(String[] args) throws Exception {
        // pooled, as the operator's connections are: the query is measured, not a connection's start
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(args[0]);
        ds.setMaximumPoolSize(1);
        String run = args[1];
        int n = Integer.parseInt(args[2]);
        RunProgressQuery query = new RunProgressQuery(ds);
        long[] progress = new long[n];
        long done = 0;
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            RunProgress p = query.byName(run).orElseThrow();
            progress[i] = System.nanoTime() - t;
            done = p.outcomes().values().stream().mapToLong(Long::longValue).sum();
        }
        // the reference counts rows, which takes seconds at scale: fewer rounds
        int m = Math.max(3, n / 20);
        long[] counted = new long[m];
        long rows = 0;
        try (Connection c = ds.getConnection();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM dnsx_domain_outcomes o JOIN dnsx_runs r ON r.id = o.run_id"
                                        + " WHERE r.name = ?")) {
            ps.setString(1, run);
            for (int i = 0; i < m; i++) {
                long t = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                counted[i] = System.nanoTime() - t;
            }
        }
        ds.close();
        System.out.printf(
                "progress_ms %.3f %.3f count_ms %.1f %.1f done %d rows %d%n",
                ms(progress, 0.5), ms(progress, 0.99), ms(counted, 0.5), ms(counted, 0.99), done, rows);
    }

    private static double ms(long[] nanos, double q) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.floor(q * s.length))] / 1e6;
    }
}
