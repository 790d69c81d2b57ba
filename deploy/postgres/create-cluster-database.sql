-- The "cluster" profile of docker-compose runs in a database of its own, beside the single stack's.
CREATE DATABASE coop_cluster;
