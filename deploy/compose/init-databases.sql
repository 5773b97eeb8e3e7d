-- One database per service, as in the local stack; run once by the postgres image on an empty volume.
CREATE DATABASE scheduling_jp;
CREATE DATABASE scheduling_us;
CREATE DATABASE scheduling_au;
CREATE DATABASE evaluation;
CREATE DATABASE gateway;
