-- overview
SELECT count(*), count_if((CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE)))), count(DISTINCT CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), min(CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), max(CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), stddev_pop(CASE WHEN CAST(`amount` AS DOUBLE) - CAST(`amount` AS DOUBLE) = 0 THEN CAST(`amount` AS DOUBLE) END), avg(CASE WHEN CAST(`amount` AS DOUBLE) - CAST(`amount` AS DOUBLE) = 0 THEN CAST(`amount` AS DOUBLE) END), count_if((CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE)))), count(DISTINCT CASE WHEN NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE))) THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), min(CASE WHEN NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE))) THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), max(CASE WHEN NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE))) THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), stddev_pop(CASE WHEN CAST(unix_timestamp(`seen at`) AS DOUBLE) - CAST(unix_timestamp(`seen at`) AS DOUBLE) = 0 THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), avg(CASE WHEN CAST(unix_timestamp(`seen at`) AS DOUBLE) - CAST(unix_timestamp(`seen at`) AS DOUBLE) = 0 THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), count_if((CAST(`colour` AS STRING) IS NULL OR CAST(`colour` AS STRING) = '')), count(DISTINCT CASE WHEN NOT (CAST(`colour` AS STRING) IS NULL OR CAST(`colour` AS STRING) = '') THEN CAST(`colour` AS STRING) END), count_if((CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END IS NULL OR CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END = '')), count(DISTINCT CASE WHEN NOT (CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END IS NULL OR CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END = '') THEN CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END END) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- overview, numeric distinct values estimated
SELECT count(*), count_if((CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE)))), count(DISTINCT CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), min(CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), max(CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), stddev_pop(CASE WHEN CAST(`amount` AS DOUBLE) - CAST(`amount` AS DOUBLE) = 0 THEN CAST(`amount` AS DOUBLE) END), avg(CASE WHEN CAST(`amount` AS DOUBLE) - CAST(`amount` AS DOUBLE) = 0 THEN CAST(`amount` AS DOUBLE) END), count_if((CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE)))), count(DISTINCT CASE WHEN NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE))) THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), min(CASE WHEN NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE))) THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), max(CASE WHEN NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE))) THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), stddev_pop(CASE WHEN CAST(unix_timestamp(`seen at`) AS DOUBLE) - CAST(unix_timestamp(`seen at`) AS DOUBLE) = 0 THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), avg(CASE WHEN CAST(unix_timestamp(`seen at`) AS DOUBLE) - CAST(unix_timestamp(`seen at`) AS DOUBLE) = 0 THEN CAST(unix_timestamp(`seen at`) AS DOUBLE) END), count_if((CAST(`colour` AS STRING) IS NULL OR CAST(`colour` AS STRING) = '')), count(DISTINCT CASE WHEN NOT (CAST(`colour` AS STRING) IS NULL OR CAST(`colour` AS STRING) = '') THEN CAST(`colour` AS STRING) END), count_if((CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END IS NULL OR CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END = '')), count(DISTINCT CASE WHEN NOT (CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END IS NULL OR CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END = '') THEN CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END END) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- exact distinct counts
SELECT count(DISTINCT CASE WHEN NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) THEN CAST(`amount` AS DOUBLE) END), count(DISTINCT CASE WHEN NOT (CAST(`colour` AS STRING) IS NULL OR CAST(`colour` AS STRING) = '') THEN CAST(`colour` AS STRING) END) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- distinct values
SELECT DISTINCT CAST(`amount` AS DOUBLE) AS v FROM `sales`.`events` WHERE (region = 'NZ'
) AND (NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE)))
) ORDER BY v;

-- values at ranks 1, 3, 5 of 5 (quantile edges)
-- not available: Spark SQL has no exact quantile rows.

-- values at 40 ranks of 400 (fine histogram edges)
-- not available: Spark SQL has no exact quantile rows.

-- numeric counts
SELECT count_if(NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) AND CAST(`amount` AS DOUBLE) < 1.5e0), count_if(NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) AND CAST(`amount` AS DOUBLE) >= 1.5e0 AND CAST(`amount` AS DOUBLE) < 2.5e0), count_if(NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) AND CAST(`amount` AS DOUBLE) >= 2.5e0 AND CAST(`amount` AS DOUBLE) < 10000000000e0), count_if(NOT (CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE))) AND CAST(`amount` AS DOUBLE) >= 10000000000e0), count_if((CAST(`amount` AS DOUBLE) IS NULL OR isnan(CAST(`amount` AS DOUBLE)))), count_if(NOT (CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE)))), count_if((CAST(unix_timestamp(`seen at`) AS DOUBLE) IS NULL OR isnan(CAST(unix_timestamp(`seen at`) AS DOUBLE)))) FROM `sales`.`events` WHERE (region = 'NZ'
);

-- value counts
SELECT v, count(*) AS n FROM (SELECT CAST(`colour` AS STRING) AS v FROM `sales`.`events` WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 100;

-- value counts of a boolean
SELECT v, count(*) AS n FROM (SELECT CASE WHEN `flag` THEN 'true' WHEN NOT `flag` THEN 'false' END AS v FROM `sales`.`events` WHERE (region = 'NZ'
)) AS t WHERE NOT (v IS NULL OR v = '') GROUP BY v ORDER BY n DESC, v LIMIT 3;

-- fine counts
SELECT b, count(*) AS n FROM (SELECT size(filter(array(-0.5e0, 0e0, 0.25e0, 7e0), e -> e <= x)) AS b FROM (SELECT CAST(`amount` AS DOUBLE) AS x FROM `sales`.`events` WHERE (region = 'NZ'
)) AS s WHERE NOT (x IS NULL OR isnan(x))) AS t GROUP BY b ORDER BY b;

-- grouped values of both sides
SELECT x, count_if(s = 0) AS r, count_if(s = 1) AS c FROM (SELECT CAST(unix_timestamp(`seen at`) AS DOUBLE) AS x, 0 AS s FROM `sales`.`events` WHERE (region = 'NZ'
) UNION ALL SELECT CAST(unix_timestamp(`seen at`) AS DOUBLE) AS x, 1 AS s FROM `sales`.`events_now`) AS pooled WHERE NOT (x IS NULL OR isnan(x)) GROUP BY x ORDER BY x;

-- values of both sides, mostly distinct
SELECT x, count_if(s = 0) AS r, count_if(s = 1) AS c FROM (SELECT CAST(unix_timestamp(`seen at`) AS DOUBLE) AS x, 0 AS s FROM `sales`.`events` WHERE (region = 'NZ'
) UNION ALL SELECT CAST(unix_timestamp(`seen at`) AS DOUBLE) AS x, 1 AS s FROM `sales`.`events_now`) AS pooled WHERE NOT (x IS NULL OR isnan(x)) GROUP BY x ORDER BY x;

-- values of both sides, mostly distinct, materialised
SELECT x, count_if(s = 0) AS r, count_if(s = 1) AS c FROM (SELECT CAST(unix_timestamp(`seen at`) AS DOUBLE) AS x, 0 AS s FROM `sales`.`events` WHERE (region = 'NZ'
) UNION ALL SELECT CAST(unix_timestamp(`seen at`) AS DOUBLE) AS x, 1 AS s FROM `sales`.`events_now`) AS pooled WHERE NOT (x IS NULL OR isnan(x)) GROUP BY x ORDER BY x;

