-- overview
SELECT count(*), count(*) FILTER (WHERE (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))), count(DISTINCT CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), min(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), max(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), stddev_pop(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), count(*) FILTER (WHERE (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))), count(DISTINCT CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), min(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), max(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), stddev_pop(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), count(*) FILTER (WHERE (CAST("colour" AS text) IS NULL OR CAST("colour" AS text) = '')), count(DISTINCT CASE WHEN NOT (CAST("colour" AS text) IS NULL OR CAST("colour" AS text) = '') THEN CAST("colour" AS text) END), count(*) FILTER (WHERE (CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '')), count(DISTINCT CASE WHEN NOT (CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '') THEN CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END END) FROM "sales"."events" WHERE (region = 'NZ'
);

-- distinct values
SELECT DISTINCT CAST("amount" AS double precision) AS v FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))
) ORDER BY v;

-- values at ranks 1, 3, 5 of 5 (quantile edges)
SELECT unnest(percentile_disc(ARRAY[0.1, 0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM "seen at") AS double precision))) FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))
);

-- values at 40 ranks of 400 (fine histogram edges)
SELECT unnest(percentile_disc(ARRAY[0.02375, 0.04875, 0.07375, 0.09875, 0.12375, 0.14875, 0.17375, 0.19875, 0.22375, 0.24875, 0.27375, 0.29875, 0.32375, 0.34875, 0.37375, 0.39875, 0.42375, 0.44875, 0.47375, 0.49875, 0.52375, 0.54875, 0.57375, 0.59875, 0.62375, 0.64875, 0.67375, 0.69875, 0.72375, 0.74875, 0.77375, 0.79875, 0.82375, 0.84875, 0.87375, 0.89875, 0.92375, 0.94875, 0.97375, 0.99875]::float8[]) WITHIN GROUP (ORDER BY CAST("amount" AS double precision))) FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))
);

-- numeric counts
SELECT count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) < 1.5), count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) >= 1.5 AND CAST("amount" AS double precision) < 2.5), count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) >= 2.5 AND CAST("amount" AS double precision) < 10000000000.0), count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) >= 10000000000.0), count(*) FILTER (WHERE (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))), count(*) FILTER (WHERE NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))), count(*) FILTER (WHERE (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))) FROM "sales"."events" WHERE (region = 'NZ'
);

-- value counts
SELECT v, count(*) AS n FROM (SELECT CAST("colour" AS text) AS v FROM "sales"."events" WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 100;

-- value counts of a boolean
SELECT v, count(*) AS n FROM (SELECT CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END AS v FROM "sales"."events" WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 3;

-- fine counts
SELECT b, count(*) AS n FROM (SELECT width_bucket(x, ARRAY[-0.5, 0.0, 0.25, 7.0]::float8[]) AS b FROM (SELECT CAST("amount" AS double precision) AS x FROM "sales"."events" WHERE (region = 'NZ'
)) AS s WHERE NOT (x IS NULL OR (x = 'NaN'::float8))) AS t GROUP BY b ORDER BY b;

-- grouped values of both sides
SELECT x, sum(r) AS r, sum(c) AS c FROM (SELECT CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) AS x, 1 AS r, 0 AS c FROM "sales"."events" WHERE (region = 'NZ'
) UNION ALL SELECT CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) AS x, 0 AS r, 1 AS c FROM "sales"."events_now") AS pooled WHERE NOT (x IS NULL OR (x = 'NaN'::float8)) GROUP BY x ORDER BY x;

