-- overview
SELECT count(*), count_if((CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE)))), count(DISTINCT CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), min(CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), max(CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), stddev_pop(CASE WHEN CAST("amount" AS DOUBLE) - CAST("amount" AS DOUBLE) = 0 THEN CAST("amount" AS DOUBLE) END), avg(CASE WHEN CAST("amount" AS DOUBLE) - CAST("amount" AS DOUBLE) = 0 THEN CAST("amount" AS DOUBLE) END), count_if((CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE)))), count(DISTINCT CASE WHEN NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN CAST(epoch("seen at") AS DOUBLE) END), min(CASE WHEN NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN CAST(epoch("seen at") AS DOUBLE) END), max(CASE WHEN NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN CAST(epoch("seen at") AS DOUBLE) END), stddev_pop(CASE WHEN CAST(epoch("seen at") AS DOUBLE) - CAST(epoch("seen at") AS DOUBLE) = 0 THEN CAST(epoch("seen at") AS DOUBLE) END), avg(CASE WHEN CAST(epoch("seen at") AS DOUBLE) - CAST(epoch("seen at") AS DOUBLE) = 0 THEN CAST(epoch("seen at") AS DOUBLE) END), count_if((CAST("colour" AS VARCHAR) IS NULL OR CAST("colour" AS VARCHAR) = '')), count(DISTINCT CASE WHEN NOT (CAST("colour" AS VARCHAR) IS NULL OR CAST("colour" AS VARCHAR) = '') THEN CAST("colour" AS VARCHAR) END), count_if((CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '')), count(DISTINCT CASE WHEN NOT (CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '') THEN CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END END) FROM "sales"."events" WHERE (region = 'NZ'
);

-- overview, numeric distinct values estimated
SELECT count(*), count_if((CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE)))), approx_count_distinct(CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), min(CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), max(CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), stddev_pop(CASE WHEN CAST("amount" AS DOUBLE) - CAST("amount" AS DOUBLE) = 0 THEN CAST("amount" AS DOUBLE) END), avg(CASE WHEN CAST("amount" AS DOUBLE) - CAST("amount" AS DOUBLE) = 0 THEN CAST("amount" AS DOUBLE) END), count_if((CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE)))), approx_count_distinct(CASE WHEN NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN CAST(epoch("seen at") AS DOUBLE) END), min(CASE WHEN NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN CAST(epoch("seen at") AS DOUBLE) END), max(CASE WHEN NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN CAST(epoch("seen at") AS DOUBLE) END), stddev_pop(CASE WHEN CAST(epoch("seen at") AS DOUBLE) - CAST(epoch("seen at") AS DOUBLE) = 0 THEN CAST(epoch("seen at") AS DOUBLE) END), avg(CASE WHEN CAST(epoch("seen at") AS DOUBLE) - CAST(epoch("seen at") AS DOUBLE) = 0 THEN CAST(epoch("seen at") AS DOUBLE) END), count_if((CAST("colour" AS VARCHAR) IS NULL OR CAST("colour" AS VARCHAR) = '')), count(DISTINCT CASE WHEN NOT (CAST("colour" AS VARCHAR) IS NULL OR CAST("colour" AS VARCHAR) = '') THEN CAST("colour" AS VARCHAR) END), count_if((CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '')), count(DISTINCT CASE WHEN NOT (CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '') THEN CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END END) FROM "sales"."events" WHERE (region = 'NZ'
);

-- exact distinct counts
SELECT count(DISTINCT CASE WHEN NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN CAST("amount" AS DOUBLE) END), count(DISTINCT CASE WHEN NOT (CAST("colour" AS VARCHAR) IS NULL OR CAST("colour" AS VARCHAR) = '') THEN CAST("colour" AS VARCHAR) END) FROM "sales"."events" WHERE (region = 'NZ'
);

-- distinct values
SELECT DISTINCT CAST("amount" AS DOUBLE) AS v FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE)))
) ORDER BY v;

-- values at ranks 1, 3, 5 of 5 (quantile edges)
SELECT unnest(quantile_disc(CAST(epoch("seen at") AS DOUBLE), [0.1e0, 0.5e0, 0.9e0])) FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE)))
);

-- values at 40 ranks of 400 (fine histogram edges)
SELECT v FROM (SELECT v, row_number() OVER (ORDER BY v) AS r FROM (SELECT CAST("amount" AS DOUBLE) AS v FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE)))
)) AS s) AS t WHERE r IN (10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190, 200, 210, 220, 230, 240, 250, 260, 270, 280, 290, 300, 310, 320, 330, 340, 350, 360, 370, 380, 390, 400) ORDER BY r;

-- numeric counts
SELECT 0 AS c, b, count(*) AS n FROM (SELECT CASE WHEN (CAST("amount" AS DOUBLE) IS NULL OR isnan(CAST("amount" AS DOUBLE))) THEN 4 ELSE CASE WHEN CAST("amount" AS DOUBLE) < 2.5e0 THEN CASE WHEN CAST("amount" AS DOUBLE) < 1.5e0 THEN 0 ELSE 1 END ELSE CASE WHEN CAST("amount" AS DOUBLE) < 10000000000e0 THEN 2 ELSE 3 END END END AS b FROM "sales"."events" WHERE (region = 'NZ'
)) AS t GROUP BY b UNION ALL SELECT 1 AS c, b, count(*) AS n FROM (SELECT CASE WHEN (CAST(epoch("seen at") AS DOUBLE) IS NULL OR isnan(CAST(epoch("seen at") AS DOUBLE))) THEN 1 ELSE 0 END AS b FROM "sales"."events" WHERE (region = 'NZ'
)) AS t GROUP BY b ORDER BY c, b;

-- value counts
SELECT v, count(*) AS n FROM (SELECT CAST("colour" AS VARCHAR) AS v FROM "sales"."events" WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 100;

-- value counts of a boolean
SELECT v, count(*) AS n FROM (SELECT CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END AS v FROM "sales"."events" WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 3;

-- fine counts
SELECT coalesce(e.b, 0) AS b, count(*) AS n FROM (SELECT CAST("amount" AS DOUBLE) AS x FROM "sales"."events" WHERE (region = 'NZ'
)) AS s ASOF LEFT JOIN (SELECT unnest(range(1, 5)) AS b, unnest([-0.5e0, 0e0, 0.25e0, 7e0]) AS e) AS e ON s.x >= e.e WHERE NOT (s.x IS NULL OR isnan(s.x)) GROUP BY 1 ORDER BY 1;

-- grouped values of both sides
SELECT x, count_if(s = 0) AS r, count_if(s = 1) AS c FROM (SELECT CAST(epoch("seen at") AS DOUBLE) AS x, 0 AS s FROM "sales"."events" WHERE (region = 'NZ'
) UNION ALL SELECT CAST(epoch("seen at") AS DOUBLE) AS x, 1 AS s FROM "sales"."events_now") AS pooled WHERE NOT (x IS NULL OR isnan(x)) GROUP BY x ORDER BY x;

-- values of both sides, mostly distinct
SELECT x, 1 - s AS r, s AS c FROM (SELECT CAST(epoch("seen at") AS DOUBLE) AS x, CAST(0 AS BIGINT) AS s FROM "sales"."events" WHERE (region = 'NZ'
) UNION ALL SELECT CAST(epoch("seen at") AS DOUBLE) AS x, CAST(1 AS BIGINT) AS s FROM "sales"."events_now") AS pooled WHERE NOT (x IS NULL OR isnan(x)) ORDER BY x;

-- values of both sides, mostly distinct, materialised
WITH pooled AS MATERIALIZED (SELECT CAST(epoch("seen at") AS DOUBLE) AS x, CAST(0 AS BIGINT) AS s FROM "sales"."events" WHERE (region = 'NZ'
) UNION ALL SELECT CAST(epoch("seen at") AS DOUBLE) AS x, CAST(1 AS BIGINT) AS s FROM "sales"."events_now") SELECT x, 1 - s AS r, s AS c FROM pooled WHERE NOT (x IS NULL OR isnan(x)) ORDER BY x;

