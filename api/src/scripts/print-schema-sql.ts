import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../core/db/orm.js';

/** Dev helper: prints the CREATE SQL MikroORM derives from the entities (to draft a migration). */
const orm = await MikroORM.init({ ...ormOptions('postgres://postgres@127.0.0.1:5432/postgres'), connect: false });
console.log(await orm.getSchemaGenerator().getCreateSchemaSQL({ wrap: false }));
