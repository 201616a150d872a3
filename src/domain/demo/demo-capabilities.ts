// What a partner of each kind plausibly offers: services per partner type, products, skills and
// rate-card roles per solution area, all in Partner Center / MCPP codes.
import { Weighted } from './weighted.ts';

export type PartnerType =
  'SI' | 'Reseller' | 'MSP' | 'ISV' | 'Distributor' | 'Training' | 'Consulting';
export type SolutionArea =
  | 'DataAI'
  | 'Infrastructure'
  | 'DigitalAppInnovation'
  | 'BusinessApplications'
  | 'ModernWork'
  | 'Security';

export const SOLUTION_AREAS: readonly SolutionArea[] = [
  'DataAI',
  'Infrastructure',
  'DigitalAppInnovation',
  'BusinessApplications',
  'ModernWork',
  'Security',
];

type Range = readonly [number, number];

/** The latest founding year generated: keeps profiles valid whatever year validation runs in. */
export const LATEST_FOUNDED_YEAR = 2024;

/** How partners of one employee band look; most partners are small. */
export interface BandTraits {
  code: string;
  weight: number;
  maxAreas: number;
  designationChance: number;
  maxSpecializations: number;
  maxIndustries: number;
  /** Index range into CUSTOMER_SIZES. */
  customerSizes: Range;
  extraCountries: Range;
  founded: Range;
  consultants: Range;
}

// prettier-ignore
const BANDS: readonly BandTraits[] = [
  { code: '1-9',       weight: 34, maxAreas: 2, designationChance: 0.15, maxSpecializations: 1, maxIndustries: 2, customerSizes: [0, 2], extraCountries: [0, 1],  founded: [2000, LATEST_FOUNDED_YEAR], consultants: [0, 3] },
  { code: '10-49',     weight: 36, maxAreas: 2, designationChance: 0.3,  maxSpecializations: 1, maxIndustries: 3, customerSizes: [0, 3], extraCountries: [0, 2],  founded: [1995, 2023], consultants: [0, 8] },
  { code: '50-249',    weight: 18, maxAreas: 3, designationChance: 0.5,  maxSpecializations: 2, maxIndustries: 3, customerSizes: [1, 4], extraCountries: [1, 3],  founded: [1990, 2020], consultants: [0, 20] },
  { code: '250-999',   weight: 8,  maxAreas: 3, designationChance: 0.7,  maxSpecializations: 2, maxIndustries: 4, customerSizes: [2, 6], extraCountries: [2, 6],  founded: [1985, 2015], consultants: [2, 50] },
  { code: '1000-4999', weight: 3,  maxAreas: 4, designationChance: 0.85, maxSpecializations: 3, maxIndustries: 5, customerSizes: [3, 7], extraCountries: [4, 12], founded: [1982, 2010], consultants: [5, 120] },
  { code: '5000+',     weight: 1,  maxAreas: 5, designationChance: 0.95, maxSpecializations: 4, maxIndustries: 6, customerSizes: [4, 7], extraCountries: [8, 20], founded: [1980, 2005], consultants: [10, 300] },
];

/** Picks a band index, 0 = 1-9 employees ... 5 = 5000+. */
export const EMPLOYEE_BANDS = new Weighted<number>(BANDS.map((b, i) => [i, b.weight] as const));

export function bandTraits(band: number): BandTraits {
  return BANDS[Math.min(band, BANDS.length - 1)] as BandTraits;
}

/** Primary partner type by band index: distributors are never tiny, trainers rarely huge. */
export function primaryTypes(band: number): Weighted<PartnerType> {
  return PRIMARY_BY_BAND[Math.min(band, PRIMARY_BY_BAND.length - 1)] as Weighted<PartnerType>;
}
const PRIMARY_BY_BAND = [
  { SI: 18, MSP: 24, Consulting: 30, Reseller: 12, ISV: 10, Training: 6, Distributor: 0 },
  { SI: 26, MSP: 26, Consulting: 18, Reseller: 12, ISV: 12, Training: 5, Distributor: 1 },
  { SI: 32, MSP: 24, Consulting: 12, Reseller: 12, ISV: 12, Training: 4, Distributor: 4 },
  { SI: 36, MSP: 22, Consulting: 10, Reseller: 10, ISV: 10, Training: 2, Distributor: 10 },
].map((w) => Weighted.of<PartnerType>(w));

/** Chance that a partner of the primary type also acts as each other type. */
export const SECONDARY_TYPES: Readonly<Record<PartnerType, Partial<Record<PartnerType, number>>>> =
  {
    SI: { Reseller: 0.35, MSP: 0.3, Consulting: 0.3, Training: 0.08 },
    MSP: { Reseller: 0.5, SI: 0.2, Consulting: 0.1 },
    Consulting: { SI: 0.2, Training: 0.15 },
    Reseller: { MSP: 0.3, SI: 0.15 },
    ISV: { Consulting: 0.25, SI: 0.15 },
    Training: { Consulting: 0.3 },
    Distributor: { Reseller: 0.3, Training: 0.2 },
  };

/** Services each type always offers, then those it offers sometimes. */
// prettier-ignore
export const SERVICES_BY_TYPE: Readonly<Record<PartnerType, { core: string[]; extra: string[] }>> = {
  SI: { core: ['DeploymentOrMigration', 'Integration'], extra: ['ConsultingAndProfessional', 'CustomSolution', 'ProjectServices'] },
  Reseller: { core: ['Licensing'], extra: ['Hardware', 'DeploymentOrMigration'] },
  MSP: { core: ['ManagedServices'], extra: ['DeploymentOrMigration', 'Licensing', 'Hardware'] },
  ISV: { core: ['IPServices'], extra: ['CustomSolution', 'Integration'] },
  Distributor: { core: ['Licensing', 'Hardware'], extra: ['LearningAndCertification'] },
  Training: { core: ['LearningAndCertification'], extra: ['ConsultingAndProfessional'] },
  Consulting: { core: ['ConsultingAndProfessional'], extra: ['ProjectServices', 'CustomSolution'] },
};

/** Which solution areas a primary type tends to work in. */
// prettier-ignore
export const AREAS_BY_TYPE: Readonly<Record<PartnerType, Weighted<SolutionArea>>> = {
  SI: Weighted.of({ DataAI: 3, Infrastructure: 4, DigitalAppInnovation: 4, BusinessApplications: 3, ModernWork: 3, Security: 3 }),
  Reseller: Weighted.of({ DataAI: 1, Infrastructure: 3, DigitalAppInnovation: 1, BusinessApplications: 2, ModernWork: 5, Security: 2 }),
  MSP: Weighted.of({ DataAI: 1, Infrastructure: 5, DigitalAppInnovation: 1, BusinessApplications: 1, ModernWork: 4, Security: 4 }),
  ISV: Weighted.of({ DataAI: 4, Infrastructure: 1, DigitalAppInnovation: 5, BusinessApplications: 4, ModernWork: 2, Security: 2 }),
  Distributor: Weighted.of({ DataAI: 1, Infrastructure: 3, DigitalAppInnovation: 1, BusinessApplications: 2, ModernWork: 4, Security: 3 }),
  Training: Weighted.of({ DataAI: 3, Infrastructure: 3, DigitalAppInnovation: 3, BusinessApplications: 3, ModernWork: 3, Security: 3 }),
  Consulting: Weighted.of({ DataAI: 4, Infrastructure: 2, DigitalAppInnovation: 2, BusinessApplications: 5, ModernWork: 2, Security: 3 }),
};

export interface AreaProfile {
  label: string;
  /** Products of the area: the first always, the others sometimes. */
  products: readonly string[];
  skills: readonly string[];
  specializations: readonly string[];
  roles: readonly string[];
}

// prettier-ignore
export const AREAS: Readonly<Record<SolutionArea, AreaProfile>> = {
  DataAI: {
    label: 'data and AI',
    products: ['Azure', 'PowerBI', 'SQL'],
    skills: ['Microsoft Fabric', 'Azure OpenAI', 'Azure Databricks', 'Azure Synapse', 'Power BI', 'Azure Machine Learning', 'Data Factory', 'Copilot Studio', 'Azure AI Search', 'Data governance', 'MLOps'],
    specializations: ['AIMLOnAzure', 'AnalyticsOnAzure', 'DataWarehouseMigration'],
    roles: ['Data Engineer', 'Data Scientist', 'Solution Architect'],
  },
  Infrastructure: {
    label: 'Azure infrastructure',
    products: ['Azure', 'Windows', 'SQL'],
    skills: ['Azure Landing Zones', 'Azure Migrate', 'Azure Arc', 'Azure Virtual Desktop', 'Azure VMware Solution', 'Windows Server', 'Azure Networking', 'Backup and disaster recovery', 'FinOps', 'Terraform', 'Bicep'],
    specializations: ['HybridCloudAzureStackHCI', 'InfraDatabaseMigration', 'AzureVirtualDesktop', 'AzureVMwareSolution', 'NetworkingServices', 'SAPOnAzure'],
    roles: ['Cloud Engineer', 'Solution Architect', 'Support Engineer'],
  },
  DigitalAppInnovation: {
    label: 'application modernisation',
    products: ['Azure', 'DeveloperTools'],
    skills: ['AKS', 'GitHub Actions', 'Azure DevOps', '.NET', 'App Service', 'Azure Functions', 'API Management', 'Logic Apps', 'Cosmos DB', 'Microservices', 'GitHub Copilot'],
    specializations: ['BuildModernizeAIApps', 'DevOpsWithGitHub', 'KubernetesOnAzure', 'MigrateEnterpriseApplications'],
    roles: ['Developer', 'Senior Developer', 'Solution Architect'],
  },
  BusinessApplications: {
    label: 'Dynamics 365 and Power Platform',
    products: ['Dynamics365Business', 'Dynamics365Enterprise', 'PowerBI'],
    skills: ['Dynamics 365 Finance', 'Dynamics 365 Supply Chain', 'Business Central', 'Dynamics 365 Sales', 'Dynamics 365 Customer Service', 'Power Apps', 'Power Automate', 'Dataverse', 'Dynamics 365 Field Service', 'Dynamics 365 Commerce', 'Copilot for Sales'],
    specializations: ['BusinessIntelligence', 'Finance', 'IntelligentAutomation', 'LowCodeAppDevelopment', 'Sales', 'Service', 'SMBManagement', 'SupplyChain'],
    roles: ['Functional Consultant', 'Technical Consultant', 'Project Manager'],
  },
  ModernWork: {
    label: 'Microsoft 365 and Teams',
    products: ['Microsoft365', 'Teams', 'SharePoint', 'Exchange', 'Office', 'Windows', 'Surface', 'Project', 'Visio'],
    skills: ['Intune', 'Teams Phone', 'Teams Rooms', 'SharePoint Online', 'Exchange Online', 'Microsoft 365 Copilot', 'Windows Autopilot', 'Viva', 'Tenant-to-tenant migration', 'Power Platform governance'],
    specializations: ['AdoptionChangeManagement', 'CallingForTeams', 'CustomSolutionsForTeams', 'MeetingsRoomsForTeams', 'ModernizeEndpoints', 'TeamworkDeployment'],
    roles: ['Consultant', 'Change Manager', 'Support Engineer'],
  },
  Security: {
    label: 'Microsoft security',
    products: ['EnterpriseMobilityAndSecurity', 'Microsoft365', 'Azure'],
    skills: ['Sentinel', 'Defender for Endpoint', 'Defender XDR', 'Entra ID', 'Conditional Access', 'Purview', 'Zero Trust', 'SOC', 'Defender for Cloud', 'Privileged Identity Management', 'Incident response'],
    specializations: ['CloudSecurity', 'IdentityAccessManagement', 'InformationProtectionGovernance', 'ThreatProtection'],
    roles: ['Security Analyst', 'Security Architect', 'Consultant'],
  },
};

/** Day rates in US dollars before the country's price level is applied. */
export const ROLE_USD_DAY_RATE: Readonly<Record<string, number>> = {
  'Solution Architect': 1500,
  'Senior Consultant': 1250,
  Consultant: 950,
  'Project Manager': 1100,
  Developer: 900,
  'Senior Developer': 1150,
  'Data Engineer': 1100,
  'Data Scientist': 1300,
  'Security Analyst': 1000,
  'Security Architect': 1550,
  'Functional Consultant': 1050,
  'Technical Consultant': 1000,
  'Cloud Engineer': 1000,
  'Support Engineer': 650,
  'Change Manager': 950,
  Trainer: 900,
};

export const INDUSTRIES = Weighted.of({
  Manufacturing: 12,
  FinancialServices: 12,
  RetailConsumerGoods: 10,
  Healthcare: 10,
  Services: 10,
  Government: 8,
  Education: 8,
  CommunicationsMedia: 6,
  WholesaleDistribution: 6,
  PowerUtilities: 5,
  TravelTransportation: 5,
  Hospitality: 4,
  AgricultureForestryFishing: 3,
  PublicSafetyNationalSecurity: 3,
});

export const INDUSTRY_LABELS: Readonly<Record<string, string>> = {
  Manufacturing: 'manufacturing',
  FinancialServices: 'financial services',
  RetailConsumerGoods: 'retail',
  Healthcare: 'healthcare',
  Services: 'professional services',
  Government: 'public sector',
  Education: 'education',
  CommunicationsMedia: 'media and telecom',
  WholesaleDistribution: 'wholesale',
  PowerUtilities: 'energy and utilities',
  TravelTransportation: 'transport and logistics',
  Hospitality: 'hospitality',
  AgricultureForestryFishing: 'agriculture',
  PublicSafetyNationalSecurity: 'public safety',
};

export const CUSTOMER_SIZES = [
  '1to9employees',
  '10to50employees',
  '51to250employees',
  '251to1000employees',
  '1001to5000employees',
  '5001to10000employees',
  '10001to20000employees',
  'Morethan20000employees',
] as const;

export const TYPE_LABELS: Readonly<Record<PartnerType, string>> = {
  SI: 'systems integrator',
  Reseller: 'Microsoft reseller',
  MSP: 'managed service provider',
  ISV: 'software company',
  Distributor: 'distributor',
  Training: 'training company',
  Consulting: 'consultancy',
};
