-- overview
SELECT count(*), count(*) FILTER (WHERE (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))), count(DISTINCT CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), min(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), max(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), stddev_pop(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), avg(CASE WHEN NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) THEN CAST("amount" AS double precision) END), count(*) FILTER (WHERE (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))), count(DISTINCT CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), min(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), max(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), stddev_pop(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), avg(CASE WHEN NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8)) THEN CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) END), count(*) FILTER (WHERE (CAST("colour" AS text) IS NULL OR CAST("colour" AS text) = '')), count(DISTINCT CASE WHEN NOT (CAST("colour" AS text) IS NULL OR CAST("colour" AS text) = '') THEN CAST("colour" AS text) END), count(*) FILTER (WHERE (CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '')), count(DISTINCT CASE WHEN NOT (CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END IS NULL OR CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END = '') THEN CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END END) FROM "sales"."events" WHERE (region = 'NZ'
);

-- distinct values
SELECT DISTINCT CAST("amount" AS double precision) AS v FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))
) ORDER BY v;

-- values at ranks 1, 3, 5 of 5 (quantile edges)
SELECT unnest(percentile_disc(ARRAY[0.1e0, 0.5e0, 0.9e0]::float8[]) WITHIN GROUP (ORDER BY CAST(EXTRACT(EPOCH FROM "seen at") AS double precision))) FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))
);

-- values at 40 ranks of 400 (fine histogram edges)
SELECT unnest(percentile_disc(ARRAY[0.02375e0, 0.04875e0, 0.07375e0, 0.09875e0, 0.12375e0, 0.14875e0, 0.17375e0, 0.19875e0, 0.22375e0, 0.24875e0, 0.27375e0, 0.29875e0, 0.32375e0, 0.34875e0, 0.37375e0, 0.39875e0, 0.42375e0, 0.44875e0, 0.47375e0, 0.49875e0, 0.52375e0, 0.54875e0, 0.57375e0, 0.59875e0, 0.62375e0, 0.64875e0, 0.67375e0, 0.69875e0, 0.72375e0, 0.74875e0, 0.77375e0, 0.79875e0, 0.82375e0, 0.84875e0, 0.87375e0, 0.89875e0, 0.92375e0, 0.94875e0, 0.97375e0, 0.99875e0]::float8[]) WITHIN GROUP (ORDER BY CAST("amount" AS double precision))) FROM "sales"."events" WHERE (region = 'NZ'
) AND (NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))
);

-- numeric counts
SELECT count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) < 1.5e0), count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) >= 1.5e0 AND CAST("amount" AS double precision) < 2.5e0), count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) >= 2.5e0 AND CAST("amount" AS double precision) < 10000000000e0), count(*) FILTER (WHERE NOT (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8)) AND CAST("amount" AS double precision) >= 10000000000e0), count(*) FILTER (WHERE (CAST("amount" AS double precision) IS NULL OR (CAST("amount" AS double precision) = 'NaN'::float8))), count(*) FILTER (WHERE NOT (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))), count(*) FILTER (WHERE (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) IS NULL OR (CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) = 'NaN'::float8))) FROM "sales"."events" WHERE (region = 'NZ'
);

-- value counts
SELECT v, count(*) AS n FROM (SELECT CAST("colour" AS text) AS v FROM "sales"."events" WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 100;

-- value counts of a boolean
SELECT v, count(*) AS n FROM (SELECT CASE WHEN "flag" THEN 'true' WHEN NOT "flag" THEN 'false' END AS v FROM "sales"."events" WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 3;

-- fine counts
SELECT b, count(*) AS n FROM (SELECT width_bucket(x, ARRAY[-0.5e0, 0e0, 0.25e0, 7e0]::float8[]) AS b FROM (SELECT CAST("amount" AS double precision) AS x FROM "sales"."events" WHERE (region = 'NZ'
)) AS s WHERE NOT (x IS NULL OR (x = 'NaN'::float8))) AS t GROUP BY b ORDER BY b;

-- grouped values of both sides
SELECT x, count(*) FILTER (WHERE s = 0) AS r, count(*) FILTER (WHERE s = 1) AS c FROM (SELECT CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) AS x, 0 AS s FROM "sales"."events" WHERE (region = 'NZ'
) UNION ALL SELECT CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) AS x, 1 AS s FROM "sales"."events_now") AS pooled WHERE NOT (x IS NULL OR (x = 'NaN'::float8)) GROUP BY x ORDER BY x;

-- values of both sides, mostly distinct
SELECT x, count(*) FILTER (WHERE s = 0) AS r, count(*) FILTER (WHERE s = 1) AS c FROM (SELECT CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) AS x, 0 AS s FROM "sales"."events" WHERE (region = 'NZ'
) UNION ALL SELECT CAST(EXTRACT(EPOCH FROM "seen at") AS double precision) AS x, 1 AS s FROM "sales"."events_now") AS pooled WHERE NOT (x IS NULL OR (x = 'NaN'::float8)) GROUP BY x ORDER BY x;

