import { assemble, type RendererModule } from './registry';
import { deskModule } from './desk/module';
import { residentsModule } from './residents/module';
import { certificatesModule } from './certificates/module';
import { mediationModule } from './mediation/module';
import { visitsModule } from './visits/module';
import { listsModule } from './lists/module';
import { partyModule } from './party/module';
import { reportsModule } from './reports/module';
import { communityModule } from './community/module';
import { accountsModule } from './accounts/module';
import { backupsModule } from './backups/module';
import { retentionModule } from './retention/module';
import { hostingModule } from './hosting/module';
import { consultationModule } from './consultation/module';
import { volunteersModule } from './volunteers/module';

/** The renderer's modules, in the order of the menu. A new module is one line here and its own module.tsx. */
export const MODULES: readonly RendererModule[] = [
  deskModule,
  residentsModule,
  certificatesModule,
  mediationModule,
  visitsModule,
  listsModule,
  consultationModule,
  volunteersModule,
  partyModule,
  reportsModule,
  communityModule,
  accountsModule,
  backupsModule,
  retentionModule,
  hostingModule,
];

export const { sections: SECTIONS, prints: PRINT_VIEWS } = assemble(MODULES);
